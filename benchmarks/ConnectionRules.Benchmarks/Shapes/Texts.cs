using System.Text;

namespace ConnectionRules.Benchmarks.Shapes;

/// <summary>
/// The texts the request shapes are made of: a pool of ordinary sentences between two engineers, none of which holds
/// a sales signal or any other phrase a rule looks for (a test keeps it so), and the few flagged texts.
/// </summary>
public static class Texts
{
    /// <summary>Sentences with no phrase of any lexicon, so that any mix of them is clean.</summary>
    public static readonly IReadOnlyList<string> CleanSentences =
    [
        "Thanks for the talk on build caching at the Lisbon meetup last Thursday.",
        "I liked the part about remote caches and how you kept the hit rate honest.",
        "We tried something similar last year and ran into trouble with flaky keys.",
        "Did the team end up writing its own cache server or adopting an existing one?",
        "Our builds went from forty to twelve minutes once we pinned the compilers.",
        "I am still curious how you handle cache poisoning when a runner misbehaves.",
        "The slides were clear and the live example made the idea easy to follow.",
        "Could you point me to the repository you mentioned during the questions?",
        "I read your post about on-call rotations and agreed with most of it.",
        "Our rotation is smaller, five people, so the handover notes matter a lot.",
        "Lisbon was lovely this time of year, even with the rain on the second day.",
        "The hallway track was the best part for me, as it usually is.",
        "I met two people from Porto who work on embedded sensors for bridges.",
        "Have you looked at the new incremental compilation work in the compiler?",
        "It seems promising, though the memory use still worries me a little.",
        "I am writing up what we learned from moving everything into one repository.",
        "No rush at all, reply whenever the week calms down for you.",
        "The review guide you wrote is now pinned in our engineering channel.",
        "We changed our review habits so that small changes get merged the same day.",
        "I would be glad to hear how the move to the new scheduler goes.",
        "Our scheduler migration took three months longer than anyone expected.",
        "The hardest part was convincing people to delete old jobs nobody owned.",
        "I finally finished that book on distributed systems you recommended.",
        "The part on consensus was dense, but it made the rest of the book click.",
        "Are you going to the systems conference in Porto this autumn?",
        "I submitted a short talk on test flakiness and will know in a few weeks.",
        "If the talk is accepted, I would love your thoughts on the outline.",
        "The weather in Porto in October is usually kind, so fingers crossed.",
        "Our team started pairing on incident reviews and it changed the tone.",
        "People now write down what surprised them instead of who made a mistake.",
        "I keep coming back to your point about boring technology being a feature.",
        "We replaced a clever queue with a plain database table and slept better.",
        "How do you decide when a module is ready to be split in two?",
        "My rule of thumb is to wait until two teams keep stepping on each other.",
        "Hope the new office works out, moving desks is always more work than it looks.",
        "I saw the photos from the hackathon, the robot arm looked great.",
        "A student on our side wrote a tiny dashboard for build times that everyone uses.",
        "Let me know if the meetup needs another speaker for the spring edition.",
        "I would happily talk about how we test database migrations.",
        "Thanks again, and good luck with the rollout next week.",
    ];

    /// <summary>A personal note of about 100 characters: a reason to connect, nothing else.</summary>
    public const string ShortPersonalNote =
        "Hi Sam, I enjoyed your talk on build caching at the Lisbon meetup. Would love to stay in touch.";

    /// <summary>A personal note of about 200 characters that invites to a reading circle: an invitation, not a pitch.</summary>
    public const string InvitationNote =
        "Hi Sam, I enjoyed your talk on build caching at the Lisbon meetup. A few of us read one systems paper a month " +
        "over coffee, and I would like to invite you to the next one in May. No pressure either way.";

    /// <summary>A personal note of about 200 characters that invites nowhere.</summary>
    public const string PersonalNote =
        "Hi Sam, I enjoyed your talk on build caching at the Lisbon meetup last week. Your point about keeping cache keys " +
        "boring stayed with me, and I would like to keep following what you write about it.";

    /// <summary>LinkedIn's stock invitation text with a greeting and a sign-off: no personal note.</summary>
    public const string StockNote = "Hi Sam, I'd like to add you to my professional network on LinkedIn. Best, Dana";

    /// <summary>A short note that is a sales pitch.</summary>
    public const string PitchNote =
        "Hi Sam, we help platform teams cut cloud costs by 40%. Open to a 15-minute call next week to see if it fits?";

    /// <summary>A message of about 150 characters that is a sales pitch.</summary>
    public const string PitchMessage =
        "Thanks for connecting, Sam! We help platform teams cut cloud costs by 40% in a month. Worth a quick 15-minute call next week to see if it fits?";

    /// <summary>A follow-up that repeats <see cref="PitchMessage"/> nearly word for word.</summary>
    public const string FollowUp = "Following up, Sam! We help platform teams cut cloud costs by 40% in a month. Worth a quick 15-minute call next week to see if it fits?";

    /// <summary>A second follow-up, nearly the same again.</summary>
    public const string SecondFollowUp = "Sam? We help platform teams cut cloud costs by 40% in a month. Worth a quick 15-minute call next week to see if it fits?";

    /// <summary>A message that asks to be endorsed back.</summary>
    public const string EndorseBackMessage =
        "I endorsed you for Kubernetes and Go yesterday. Would you endorse me back for cloud architecture when you have a moment? Thanks a lot, Dana";

    /// <summary>A reply from the recipient that says no.</summary>
    public const string DeclineReply = "Thanks, Dana, but this is not something we are looking at right now. Good luck with it.";

    /// <summary>A headline that declares an open networker.</summary>
    public const string OpenNetworkerHeadline = "LION | Growth consultant | I accept all invitations";

    /// <summary>An ordinary headline.</summary>
    public const string Headline = "Platform engineer at Northwind";

    /// <summary>
    /// Clean texts for a conversation: text <paramref name="index"/> holds about <paramref name="length"/> characters of
    /// whole sentences of the pool, sentence <c>a</c>, <c>a + d</c>, <c>a + 2d</c>... where the start <c>a</c> moves on
    /// with each text and the step <c>d</c>, prime to the pool's size, with each pass over the pool. So no two of the
    /// first 640 texts (40 sentences, 16 steps) are the same, and texts close to each other share at most one sentence: none is a near-duplicate
    /// of another, which CR2004 would report.
    /// </summary>
    public static string Conversation(int index, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var count = CleanSentences.Count;
        var perText = Math.Max(1, (int)Math.Round(length / AverageSentenceLength));
        var start = index % count;
        var step = Steps[index / count % Steps.Length];
        var builder = new StringBuilder(length + 100);
        for (var k = 0; k < perText; k++)
        {
            Append(builder, CleanSentences[(start + (k * step)) % count]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// A long clean text of about <paramref name="length"/> characters from one fifth of the pool, <paramref name="slice"/>
    /// modulo 5: long texts from different slices share few words, so three of them are not near-duplicates.
    /// </summary>
    public static string LongText(int slice, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slice);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var size = CleanSentences.Count / 5;
        var builder = new StringBuilder(length + 100);
        // Whole sentences, stopping as close to the length as they allow.
        for (var k = 0; builder.Length == 0 || builder.Length + (AverageSentenceLength / 2) < length; k++)
        {
            Append(builder, CleanSentences[(slice % 5 * size) + (k % size)]);
        }

        return builder.ToString();
    }

    // Steps prime to the pool's size, so that a text never repeats a sentence.
    private static readonly int[] Steps = [.. Enumerable.Range(1, CleanSentences.Count - 1).Where(d => Gcd(d, CleanSentences.Count) == 1)];

    private static double AverageSentenceLength => CleanSentences.Average(s => s.Length + 1);

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static void Append(StringBuilder builder, string sentence)
    {
        if (builder.Length > 0)
        {
            builder.Append(' ');
        }

        builder.Append(sentence);
    }
}
