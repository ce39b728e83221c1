namespace ConnectionRules;

/// <summary>
/// The small English lexicons the built-in rules read besides the pitch lexicon. The engine reads the note and message
/// lexicons through <see cref="TextScanner"/>, in the same pass as the pitch lexicon.
/// </summary>
internal static class RuleLexicons
{
    /// <summary>LinkedIn's stock invitation texts, in the variants the apps and their translations have used.</summary>
    public static readonly string[] StockInvitationPhrases =
    [
        "I'd like to add you to my professional network on LinkedIn", "I'd like to add you to my professional network",
        "I would like to add you to my professional network on LinkedIn", "I would like to add you to my professional network",
        "I want to add you to my professional network", "I'd like to add you to my network", "I would like to add you to my network",
        "I'd like to join your LinkedIn network", "I would like to join your LinkedIn network", "I'd like to join your network",
        "I'd like to connect with you on LinkedIn", "I would like to connect with you on LinkedIn", "I'd like to connect with you",
        "I would like to connect with you", "I'd like to connect", "Let's connect on LinkedIn", "Let's connect",
        "Please accept my invitation to connect", "Please accept my invitation", "I'd like to be part of your network",
        "Join my network on LinkedIn", "Would like to connect",
    ];

    /// <summary>How many words a greeting before a stock invitation text may have ("Hi Sam Ortega").</summary>
    public const int GreetingWords = 3;

    /// <summary>How many words a sign-off after a stock invitation text may have ("Best regards, Dana Whitfield").</summary>
    public const int SignOffWords = 4;

    /// <summary>First words of a greeting.</summary>
    public static readonly string[] GreetingsPhrases =
    ["hi", "hello", "hey", "dear", "greetings"];

    /// <summary>Finds the phrases of <see cref="GreetingsPhrases"/>.</summary>
    public static readonly PhraseMatcher Greetings = new(GreetingsPhrases);

    /// <summary>First words of a sign-off.</summary>
    public static readonly string[] SignOffsPhrases =
    ["thanks", "thank", "best", "regards", "kind", "warm", "warmly", "cheers", "sincerely", "all"];

    /// <summary>Finds the phrases of <see cref="SignOffsPhrases"/>.</summary>
    public static readonly PhraseMatcher SignOffs = new(SignOffsPhrases);

    /// <summary>A note that invites the recipient somewhere: a group, an event, networking. Mentioning an event is not inviting to one.</summary>
    public static readonly string[] InvitationPhrases =
    [
        "join our group", "join my group", "join the group", "join our community", "join my community", "join our network",
        "join our networking", "join us at", "join us for", "join us on", "come to our", "attend our", "our upcoming event",
        "our next event", "our event", "our meetup", "our webinar", "our networking", "our group", "my group", "our community",
        "networking event", "networking group", "networking evening", "networking night", "networking breakfast",
        "invite you to", "inviting you to", "like to invite you", "love to invite you", "you're invited", "you are invited",
        "rsvp", "save you a seat", "save you a spot", "love to have you at", "love to have you join", "would love you to join",
    ];

    /// <summary>
    /// What the engine's quick check of a text searches for before it reads the text for <see cref="InvitationPhrases"/>
    /// (<see cref="TextScanner.MayContain"/>): every invitation phrase holds one of these, and ordinary notes seldom do.
    /// The phrases themselves begin with the words every note uses ("our", "you", "like to", "love to"), at which the
    /// search stopped to compare nearly every word of a note. "r meetup" stands for "our meetup": a note that says at
    /// which meetup two people met is no invitation. A phrase added without one of these is searched for by itself.
    /// </summary>
    public static readonly string[] InvitationAnchors =
    [
        "join", "attend", "come to our", "event", "r meetup", "webinar", "networking", "group", "community", "invit", "rsvp",
        "save you a", "have you at",
    ];

    /// <summary>Asking to be endorsed back.</summary>
    public static readonly string[] EndorseBackPhrases =
    [
        "endorse me", "endorse me back", "endorse my", "endorsing me", "endorse back", "return the favor", "return the favour",
        "returned the favor", "returned the favour", "endorsement in return", "endorsements in return", "endorse each other",
        "would you endorse", "could you endorse", "can you endorse", "mind endorsing", "endorse a few of my",
    ];

    /// <summary>Self-declared open networkers, besides the upper-case acronym LION.</summary>
    public static readonly string[] OpenNetworkerPhrases =
    [
        "open networker", "open networkers", "open to all connections", "accept all invitations", "accept all connection requests",
        "accept all requests", "never IDK", "will never IDK", "no IDK", "don't IDK", "I never click IDK", "toplinked", "mylink500",
        "LinkedIn open networker", "30K+ connections", "connect with everyone",
    ];

    /// <summary>Finds the phrases of <see cref="OpenNetworkerPhrases"/>.</summary>
    public static readonly PhraseMatcher OpenNetworker = new(OpenNetworkerPhrases);

    // What may be read as an L: itself, the first half of a styled letter (𝗟), a fullwidth L, a script L.
    private const string LionStarts = "L\uD835\uFF2C\u2112";

    /// <summary>
    /// Returns whether the text holds the acronym LION, or its plural LIONs, as a word, in capitals (not "lion" the
    /// animal, nor "LIONsgate"). Invisible characters (<see cref="PhraseMatcher.IsIgnorableAt"/>) are read as if absent,
    /// and styled letters as the letters they style (<see cref="PhraseMatcher.ReadChar(ReadOnlySpan{char}, ref int)"/>), as in the lexicons:
    /// "LI\u200BON" and "𝗟𝗜𝗢𝗡" are LION.
    /// </summary>
    public static bool ContainsLionAcronym(ReadOnlySpan<char> text)
    {
        const string Lion = "LION";
        for (var start = 0; start < text.Length;)
        {
            var found = text[start..].IndexOfAny(LionStarts);
            if (found < 0)
            {
                return false;
            }

            var index = start + found;
            var end = index;
            var matched = 0;
            while (matched < Lion.Length && end < text.Length && ReadsAs(text, ref end, Lion[matched]))
            {
                end = PhraseMatcher.SkipIgnorables(text, end + 1);
                matched++;
            }

            if (matched == Lion.Length)
            {
                if (end < text.Length && ReadsAs(text, ref end, 's'))
                {
                    end = PhraseMatcher.SkipIgnorables(text, end + 1); // the plural, "LIONs"
                }

                var before = PhraseMatcher.SkipIgnorablesBack(text, index - 1);
                if ((before < 0 || !PhraseMatcher.IsLetterOrDigitEndingAt(text, before))
                    && (end >= text.Length || !PhraseMatcher.IsLetterOrDigitAt(text, end, out _)))
                {
                    return true;
                }
            }

            start = index + 1;
        }

        return false;

        // The character at the index is read as the letter; the index moves to the last half of a styled letter.
        static bool ReadsAs(ReadOnlySpan<char> text, ref int index, char letter)
        {
            var last = index;
            if (PhraseMatcher.ReadChar(text, ref last) != letter)
            {
                return false;
            }

            index = last;
            return true;
        }
    }
}
