using System.Buffers;
using System.Numerics;

namespace ConnectionRules.Benchmarks.HandWritten;

/// <summary>
/// The checks behind the recommended rules, written by hand over the engine's own phrase lists and default tunables.
/// Shared by the hand-written baseline (<see cref="HandWrittenRules"/>) and the FluentValidation validator, so both do
/// exactly the work the engine's rules do and differ only in how the rules are run.
/// </summary>
public sealed class RequestChecks
{
    // CR2004 looks for near-duplicates among this many sender messages, by 256-bit word fingerprints, then by their
    // words; a slot holds the fingerprint, the word count and where the message's word hashes start.
    private const int Lookback = 32;
    private const int FingerprintWords = 4;
    private const int SlotLength = FingerprintWords + 2;

    private readonly TimeSpan _youngAccountAge;
    private readonly int _fewConnections;
    private readonly int _massInvitationsPerWeek;
    private readonly int _massConnectionCount;
    private readonly int _repeatedMessageCount;
    private readonly int _unansweredMessageCount;

    /// <summary>Creates the checks with the tunables of <paramref name="options"/>, the defaults when null.</summary>
    public RequestChecks(RuleEngineOptions? options = null)
    {
        options ??= new RuleEngineOptions();
        PitchWindow = options.PitchWindow;
        _youngAccountAge = options.YoungAccountAge;
        _fewConnections = options.FewConnections;
        _massInvitationsPerWeek = options.MassInvitationsPerWeek;
        _massConnectionCount = options.MassConnectionCount;
        _repeatedMessageCount = options.RepeatedMessageCount;
        _unansweredMessageCount = options.UnansweredMessageCount;
    }

    /// <summary>Gets the connect-and-sell window (CR2001).</summary>
    public TimeSpan PitchWindow { get; }

    /// <summary>Gets the pitch score over the detector's built-in lexicon.</summary>
    public PitchScorer Pitch { get; } = PitchScorer.BuiltIn;

    /// <summary>Gets LinkedIn's stock invitation texts.</summary>
    public Lexicon StockInvitation { get; } = new(RuleLexicons.StockInvitationPhrases);

    /// <summary>Gets the first words of a greeting.</summary>
    public Lexicon Greetings { get; } = new(RuleLexicons.GreetingsPhrases);

    /// <summary>Gets the first words of a sign-off.</summary>
    public Lexicon SignOffs { get; } = new(RuleLexicons.SignOffsPhrases);

    /// <summary>Gets the phrases of a note that invites to a group, an event or networking.</summary>
    public Lexicon Invitation { get; } = new(RuleLexicons.InvitationPhrases);

    /// <summary>Gets the phrases that ask to be endorsed back.</summary>
    public Lexicon EndorseBack { get; } = new(RuleLexicons.EndorseBackPhrases);

    /// <summary>Gets the open-networker declarations besides the acronym LION.</summary>
    public Lexicon OpenNetworker { get; } = new(RuleLexicons.OpenNetworkerPhrases);

    /// <summary>CR0002: accepted after sent, nothing dated before sent, no sender message but the note while pending.</summary>
    public static bool IsConsistent(ConnectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sentAt = request.SentAt;
        var pending = request.AcceptedAt is null;
        if (request.AcceptedAt < sentAt)
        {
            return false;
        }

        var messages = request.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.SentAt < sentAt
                || (pending && message.Direction == MessageDirection.FromSender && !IsTheNote(request.Note, message.Text)))
            {
                return false;
            }
        }

        var endorsements = request.Endorsements;
        for (var i = 0; i < endorsements.Count; i++)
        {
            if (endorsements[i].At < sentAt)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>CR1001: a note of the sender's own, not absent, blank or a stock invitation text.</summary>
    public bool IsPersonalNote(string? note) =>
        note is not null && !RequestFacts.IsBlank(note) && !IsStockInvitation(note);

    /// <summary>A stock invitation text with at most a greeting before it and a sign-off after it.</summary>
    public bool IsStockInvitation(ReadOnlySpan<char> note)
    {
        if (!StockInvitation.TryFind(note, 0, out var hit))
        {
            return false;
        }

        var before = note[..hit.Index];
        var after = note[(hit.Index + hit.Length)..];
        var wordsBefore = CountWords(before);
        var wordsAfter = CountWords(after);
        return (wordsBefore <= 1 || (wordsBefore <= RuleLexicons.GreetingWords && Greetings.Contains(FirstWord(before))))
            && (wordsAfter <= 2 || (wordsAfter <= RuleLexicons.SignOffWords && SignOffs.Contains(FirstWord(after))));
    }

    /// <summary>CR1002: mutual connections known to be zero, no shared group, no introduction, not known offline.</summary>
    public static bool IsStranger(ConnectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.MutualConnections == 0
            && !request.KnownOffline
            && string.IsNullOrWhiteSpace(request.IntroducedBy)
            && !HasSharedGroup(request.Sender, request.Recipient);
    }

    /// <summary>The case-insensitive intersection of the two members' groups is not empty.</summary>
    public static bool HasSharedGroup(MemberProfile sender, MemberProfile? recipient)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var theirs = recipient?.Groups;
        if (theirs is null || theirs.Count == 0)
        {
            return false;
        }

        var ours = sender.Groups;
        for (var i = 0; i < ours.Count; i++)
        {
            var mine = ours[i].AsSpan().Trim();
            if (mine.IsEmpty)
            {
                continue;
            }

            for (var j = 0; j < theirs.Count; j++)
            {
                if (mine.Equals(theirs[j].AsSpan().Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>CR2001: a sender message within the window after acceptance is a pitch.</summary>
    public bool PitchesWithinWindow(ConnectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AcceptedAt is not { } acceptedAt)
        {
            return false;
        }

        // Indexed, not foreach: an IReadOnlyList's enumerator is boxed.
        var messages = request.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.Direction == MessageDirection.FromSender
                && message.SentAt >= acceptedAt
                && message.SentAt - acceptedAt <= PitchWindow
                && Pitch.IsPitch(message.Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>CR2002's bait: the note invites to a group, an event or networking, and is not itself a pitch.</summary>
    public bool IsInvitationNote(string? note) =>
        note is not null && Invitation.Contains(note) && !Pitch.IsPitch(note);

    /// <summary>CR2002's switch: a sender message after the request was sent is a pitch.</summary>
    public bool PitchesAfterSending(ConnectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var messages = request.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.Direction == MessageDirection.FromSender && message.SentAt > request.SentAt && Pitch.IsPitch(message.Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>CR2003: a sender message, sent at or after the first endorsement, asks to be endorsed back.</summary>
    public bool AsksToBeEndorsedBack(ConnectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var endorsements = request.Endorsements;
        if (endorsements.Count == 0)
        {
            return false;
        }

        var first = endorsements[0].At;
        for (var i = 1; i < endorsements.Count; i++)
        {
            if (endorsements[i].At < first)
            {
                first = endorsements[i].At;
            }
        }

        var messages = request.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.Direction == MessageDirection.FromSender && message.SentAt >= first && EndorseBack.Contains(message.Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>CR2004: three or more nearly identical sender messages, or four or more sender messages in a row.</summary>
    public bool IsRepetitive(IReadOnlyList<Message> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count < Math.Min(_repeatedMessageCount, _unansweredMessageCount))
        {
            return false;
        }

        var capacity = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            capacity += messages[i].Direction == MessageDirection.FromSender ? (messages[i].Text.Length + 1) / 2 : 0;
        }

        var hashes = ArrayPool<uint>.Shared.Rent(capacity);
        try
        {
            return IsRepetitive(messages, hashes);
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(hashes);
        }
    }

    private bool IsRepetitive(IReadOnlyList<Message> messages, uint[] hashes)
    {
        Span<ulong> fingerprints = stackalloc ulong[Lookback * SlotLength];
        var inARow = 0;
        var fingerprinted = 0;
        var hashed = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.Direction != MessageDirection.FromSender)
            {
                inARow = 0;
                continue;
            }

            if (++inARow >= _unansweredMessageCount)
            {
                return true;
            }

            var current = fingerprints.Slice(fingerprinted % Lookback * SlotLength, SlotLength);
            var words = Fingerprint(message.Text, current, hashes.AsSpan(hashed));
            if (words == 0)
            {
                continue;
            }

            current[FingerprintWords + 1] = (ulong)hashed;
            hashed += words;
            var similar = 1;
            for (var back = 1; back <= Math.Min(fingerprinted, Lookback - 1); back++)
            {
                var earlier = fingerprints.Slice((fingerprinted - back) % Lookback * SlotLength, SlotLength);
                if (MayBeNearlySame(current, earlier) && NearlySame(Words(current, hashes), Words(earlier, hashes)))
                {
                    similar++;
                }
            }

            fingerprinted++;
            if (similar >= _repeatedMessageCount)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>CR3001: at least two of a young account, no photo, few connections, each counted only when known.</summary>
    public bool LooksFake(MemberProfile sender, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var young = sender.MemberSince is { } since && since <= now && now - since < _youngAccountAge;
        var noPhoto = sender.HasPhoto == false;
        var few = sender.ConnectionCount < _fewConnections;
        return (young ? 1 : 0) + (noPhoto ? 1 : 0) + (few ? 1 : 0) >= 2;
    }

    /// <summary>CR3002: more than 100 invitations last week, or 10,000 connections or more.</summary>
    public bool IsMassInviter(MemberProfile sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        return sender.InvitationsSentLastWeek > _massInvitationsPerWeek || sender.ConnectionCount >= _massConnectionCount;
    }

    /// <summary>CR3003: the headline or the note declares an open networker.</summary>
    public bool DeclaresOpenNetworker(ConnectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DeclaresOpenNetworker(request.Sender.Headline) || DeclaresOpenNetworker(request.Note);
    }

    /// <summary>The text declares an open networker: a phrase of the lexicon, or LION in capitals.</summary>
    public bool DeclaresOpenNetworker(string? text) =>
        !string.IsNullOrEmpty(text) && (OpenNetworker.Contains(text) || RuleLexicons.ContainsLionAcronym(text));

    // Exports and CRMs often list the note as the first message of the conversation.
    private static bool IsTheNote(string? note, string text) =>
        note is not null && text.AsSpan().Trim().Equals(note.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);

    private static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWordChar = char.IsLetterOrDigit(c);
            if (isWordChar && !inWord)
            {
                count++;
            }

            inWord = isWordChar;
        }

        return count;
    }

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && char.IsLetterOrDigit(text[end]))
        {
            end++;
        }

        return text[start..end];
    }

    /// <summary>
    /// Hashes the text's words, case-folded, into a 256-bit set, stores their number after it and the hashes themselves
    /// in <paramref name="hashes"/>; returns the number, 0 when the text has no word.
    /// </summary>
    private static int Fingerprint(string text, Span<ulong> slot, Span<uint> hashes)
    {
        slot.Clear();
        var words = 0;
        var hash = 2166136261u;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                hash = (hash ^ char.ToLowerInvariant(c)) * 16777619u;
                inWord = true;
            }
            else if (inWord)
            {
                slot[(int)(hash >> 6) & 3] |= 1UL << (int)(hash & 63);
                hashes[words++] = hash;
                hash = 2166136261u;
                inWord = false;
            }
        }

        if (inWord)
        {
            slot[(int)(hash >> 6) & 3] |= 1UL << (int)(hash & 63);
            hashes[words++] = hash;
        }

        slot[FingerprintWords] = (ulong)words;
        return words;
    }

    /// <summary>
    /// False when the texts cannot share 80% of their words: that leaves at most a ninth of their words in one and not
    /// the other, and each bit set in one fingerprint only is such a word.
    /// </summary>
    private static bool MayBeNearlySame(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var differing = 0;
        for (var i = 0; i < FingerprintWords; i++)
        {
            differing += BitOperations.PopCount(a[i] ^ b[i]);
        }

        return differing * 9 <= (int)(a[FingerprintWords] + b[FingerprintWords]);
    }

    private static ReadOnlySpan<uint> Words(ReadOnlySpan<ulong> slot, uint[] hashes) =>
        hashes.AsSpan((int)slot[FingerprintWords + 1], (int)slot[FingerprintWords]);

    /// <summary>
    /// At least 80% of the words of the two texts are shared (Jaccard index over the word sets), counted as they go into
    /// a hash table of the words of both, each entry the word's hash with a bit for each text it is in.
    /// </summary>
    private static bool NearlySame(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)(2 * (a.Length + b.Length)));
        if (size <= 256)
        {
            return NearlySame(a, b, stackalloc ulong[size]);
        }

        var rented = ArrayPool<ulong>.Shared.Rent(size);
        try
        {
            var table = rented.AsSpan(0, size);
            table.Clear();
            return NearlySame(a, b, table);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    private static bool NearlySame(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, Span<ulong> table)
    {
        var shift = 32 - BitOperations.Log2((uint)table.Length);
        var (inA, _) = Add(table, shift, a, 1UL << 32);
        var (inB, shared) = Add(table, shift, b, 1UL << 33);
        return shared * 9 >= (inA + inB) * 4;

        static (int Distinct, int Shared) Add(Span<ulong> table, int shift, ReadOnlySpan<uint> words, ulong text)
        {
            var mask = table.Length - 1;
            int distinct = 0, shared = 0;
            foreach (var word in words)
            {
                var index = (int)((word * 2654435769u) >> shift);
                while (table[index] != 0 && (uint)table[index] != word)
                {
                    index = (index + 1) & mask;
                }

                if ((table[index] & text) == 0)
                {
                    distinct++;
                    shared += table[index] != 0 ? 1 : 0;
                    table[index] |= word | text;
                }
            }

            return (distinct, shared);
        }
    }
}
