using System.Globalization;

namespace ConnectionRules;

/// <summary>
/// The facts about a request that predicates and built-in rules share, computed without allocating.
/// Unknown is not evidence: a fact that rests on a null value is false.
/// </summary>
internal static class RequestFacts
{
    public static bool IsPending(ConnectionRequest request) => request.AcceptedAt is null;

    /// <summary>A note that says something of the sender's own: not absent, not blank, not a stock invitation text.</summary>
    public static bool HasPersonalNote(RuleContext context) => NoteKind(context) == NoteKinds.Personal;

    public static NoteKinds NoteKind(RuleContext context)
    {
        var note = context.Request.Note;
        if (note is null)
        {
            return NoteKinds.Missing;
        }

        if (IsBlank(note))
        {
            return NoteKinds.Blank;
        }

        return context.NoteHas(Lexicon.StockInvitation, out var hit) && IsStockInvitation(note, hit) ? NoteKinds.Stock : NoteKinds.Personal;
    }

    /// <summary>
    /// The text shows nothing: it holds only white space, control characters, the characters the phrase matcher reads
    /// as if absent (<see cref="PhraseMatcher.IsIgnorableAt"/>: zero-width spaces, direction marks, tag characters) and
    /// combining marks with nothing to combine with.
    /// </summary>
    public static bool IsBlank(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsWhiteSpace(c) && !PhraseMatcher.IsIgnorableAt(text, i) && char.GetUnicodeCategory(c) is not (UnicodeCategory.Control
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The note is, around its first stock invitation phrase <paramref name="hit"/>, a stock invitation text, possibly wrapped in a greeting ("Hi Sam,") and a sign-off ("Best, Dana"), and nothing
    /// else: one sentence of the sender's own makes the note personal.
    /// </summary>
    public static bool IsStockInvitation(ReadOnlySpan<char> note, PhraseHit hit)
    {
        var before = note[..hit.Index];
        var after = note[(hit.Index + hit.Length)..];
        var wordsBefore = CountWords(before);
        var wordsAfter = CountWords(after);
        var greeting = wordsBefore <= 1 || (wordsBefore <= RuleLexicons.GreetingWords && RuleLexicons.Greetings.TryFind(FirstWord(before), 0, out _));
        var signOff = wordsAfter <= 2 || (wordsAfter <= RuleLexicons.SignOffWords && RuleLexicons.SignOffs.TryFind(FirstWord(after), 0, out _));
        return greeting && signOff;
    }

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && !PhraseMatcher.IsLetterOrDigitAt(text, start, out _))
        {
            start++;
        }

        // Ignorable characters inside the word are part of it, as the phrase matcher reads it.
        var end = start;
        while (end < text.Length && (PhraseMatcher.IsIgnorableAt(text, end) || PhraseMatcher.IsLetterOrDigitAt(text, end, out end)))
        {
            end++;
        }

        return text[start..end];
    }

    /// <summary>
    /// The words of the text: runs of letters and digits, read as the phrase matcher reads them: ignorable characters
    /// as if absent, styled letters (<see cref="PhraseMatcher.ReadChar(ReadOnlySpan{char}, ref int)"/>) as letters.
    /// </summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (PhraseMatcher.IsIgnorableAt(text, i))
            {
                continue;
            }

            var isWordChar = PhraseMatcher.IsLetterOrDigitAt(text, i, out i);
            if (isWordChar && !inWord)
            {
                count++;
            }

            inWord = isWordChar;
        }

        return count;
    }

    /// <summary>The case-insensitive intersection of the two members' groups is not empty.</summary>
    public static bool HasSharedGroup(ConnectionRequest request)
    {
        var recipientGroups = request.Recipient?.Groups;
        if (recipientGroups is null || recipientGroups.Count == 0)
        {
            return false;
        }

        var senderGroups = request.Sender.Groups;
        for (var i = 0; i < senderGroups.Count; i++)
        {
            var group = senderGroups[i].AsSpan().Trim();
            for (var j = 0; j < recipientGroups.Count; j++)
            {
                if (group.Length > 0 && group.Equals(recipientGroups[j].AsSpan().Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The sender's account age at <paramref name="now"/>; null when unknown, or when the creation date lies after now (no evidence of anything).</summary>
    public static TimeSpan? AccountAge(MemberProfile sender, DateTimeOffset now) =>
        sender.MemberSince is { } since && since <= now ? now - since : null;

    public static bool IsIntroduced(ConnectionRequest request) => !string.IsNullOrWhiteSpace(request.IntroducedBy);

    /// <summary>A stranger: mutual connections known to be zero, and no group, introduction or offline acquaintance.</summary>
    public static bool IsStranger(ConnectionRequest request) =>
        request.MutualConnections == 0 && !request.KnownOffline && !IsIntroduced(request) && !HasSharedGroup(request);

    public static bool ContainsPhrase(string? text, string[] phrases)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var phrase in phrases)
        {
            if (text.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the first sender message flagged as a pitch within <paramref name="window"/> after acceptance, or -1.</summary>
    public static int PitchWithin(RuleContext context, TimeSpan window)
    {
        var request = context.Request;
        if (request.AcceptedAt is not { } acceptedAt)
        {
            return -1;
        }

        // As UTC ticks, read once: this walks the messages of every accepted request.
        var acceptedTicks = acceptedAt.UtcTicks;
        var messages = request.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var after = message.SentAt.UtcTicks - acceptedTicks;
            if (message.Direction == MessageDirection.FromSender
                && after >= 0
                && after <= window.Ticks
                && context.DetectPitchInMessage(i).IsPitch)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>What kind of note a request carries.</summary>
internal enum NoteKinds
{
    Missing,
    Blank,
    Stock,
    Personal,
}
