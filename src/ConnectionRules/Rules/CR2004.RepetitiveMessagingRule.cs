using System.Numerics;
using System.Text;

namespace ConnectionRules;

/// <summary>CR2004: repetitive messaging, the same text again and again, or message after message with no reply.</summary>
internal sealed class RepetitiveMessagingRule : ConnectionRule
{
    public static readonly RuleDescriptor Rule = new(
        id: RuleIds.RepetitiveMessaging,
        title: "Repetitive messaging",
        messageFormat: "Repetitive messaging: {0}",
        category: RuleCategories.Conduct,
        defaultSeverity: Severity.Warning,
        description: "Three or more sender messages with the same or nearly the same text (80% of their words shared), or four or more sender messages in a row with no reply. Both counts are options.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.RepetitiveMessaging));

    /// <summary>
    /// A near-duplicate is looked for among this many sender messages, the current one included: follow-ups repeat
    /// recent ones. So <see cref="RuleEngineOptions.RepeatedMessageCount"/> is at most this.
    /// </summary>
    internal const int Lookback = 32;

    // A sender message's slot in the fingerprints: its 256-bit word set in four ulongs, how many words it has (repeats
    // included, so at least the words of the set), and its index in the conversation.
    private const int FingerprintWords = 4;
    private const int WordCount = FingerprintWords;
    private const int MessageIndex = FingerprintWords + 1;
    private const int SlotLength = FingerprintWords + 2;

    public override RuleDescriptor Descriptor => Rule;

    public override void Evaluate(RuleContext context)
    {
        var messages = context.Request.Messages;
        var options = context.Options;
        var reportedRepeats = false;
        var reportedUnanswered = false;
        var inARow = 0;
        var senderMessages = 0;
        var fingerprints = context.Fingerprints(Math.Min(messages.Count, Lookback) * SlotLength);
        for (var i = 0; i < messages.Count && !(reportedRepeats && reportedUnanswered); i++)
        {
            var message = messages[i];
            if (message.Direction != MessageDirection.FromSender)
            {
                inARow = 0;
                continue;
            }

            if (++inARow == options.UnansweredMessageCount && !reportedUnanswered)
            {
                reportedUnanswered = true;
                context.Report(RuleText.MessageLocation(i), RuleText.Shared($"{inARow} sender messages in a row without a reply"));
            }

            if (reportedRepeats)
            {
                continue;
            }

            var current = fingerprints.AsSpan(senderMessages % Lookback * SlotLength, SlotLength);
            if (!Fingerprint(context, message.Text, current))
            {
                continue;
            }

            current[MessageIndex] = (ulong)i;
            var similar = 1 + CountNearlySame(context, current, fingerprints, senderMessages);
            senderMessages++;
            if (similar >= options.RepeatedMessageCount)
            {
                reportedRepeats = true;
                context.Report(RuleText.MessageLocation(i), RuleText.Shared($"{similar} sender messages with the same or nearly the same text"));
            }
        }
    }

    /// <summary>
    /// How many of the earlier sender messages, up to <see cref="Lookback"/> - 1 back, are nearly the same as sender
    /// message <paramref name="senderMessage"/>, whose slot is <paramref name="current"/>: the fingerprints rule out
    /// nearly every pair, and the words of the rest are compared.
    /// </summary>
    private static int CountNearlySame(RuleContext context, ReadOnlySpan<ulong> current, ulong[] fingerprints, int senderMessage)
    {
        var count = 0;
        for (var back = 1; back <= Math.Min(senderMessage, Lookback - 1); back++)
        {
            var earlier = fingerprints.AsSpan((senderMessage - back) % Lookback * SlotLength, SlotLength);
            if (MayBeNearlySame(current, earlier) && NearlySame(context, (int)current[MessageIndex], (int)earlier[MessageIndex]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Hashes the text's words (FNV-1a over their letters and digits, case-folded) into a 256-bit set, the slot's first
    /// four ulongs, and stores how many words it has in the fifth; false when the text has no word.
    /// </summary>
    private static bool Fingerprint(RuleContext context, string text, Span<ulong> slot)
    {
        var bits = slot[..FingerprintWords];
        bits.Clear();
        int words;
        if (Ascii.IsValid(text))
        {
            words = FingerprintAscii(text, bits);
        }
        else
        {
            var hashes = context.WordHashes(MaxWords(text)).AsSpan();
            words = HashWords(text, hashes);
            foreach (var hash in hashes[..words])
            {
                Add(bits, hash);
            }
        }

        slot[WordCount] = (ulong)words;
        return words > 0;
    }

    /// <summary>
    /// The fingerprint of a text of ASCII characters alone, nearly every message, in two tight loops that
    /// call nothing. A letter is a character whose lower case (<c>c | 0x20</c>) is one, a digit is itself one, and what
    /// is hashed is <c>c | 0x20</c>, which leaves digits as they are.
    /// </summary>
    private static int FingerprintAscii(ReadOnlySpan<char> text, Span<ulong> bits)
    {
        var words = 0;
        var i = 0;
        while (true)
        {
            uint c;
            do
            {
                if (i == text.Length)
                {
                    return words;
                }

                c = text[i++];
            }
            while (!IsAsciiLetterOrDigit(c));

            var hash = (2166136261u ^ (c | 0x20u)) * 16777619u;
            while (i < text.Length && IsAsciiLetterOrDigit(c = text[i]))
            {
                hash = (hash ^ (c | 0x20u)) * 16777619u;
                i++;
            }

            Add(bits, hash);
            words++;
        }

        static bool IsAsciiLetterOrDigit(uint c) => (c | 0x20u) - 'a' < 26 || c - '0' < 10;
    }

    /// <summary>
    /// Writes the hash of each of the text's words, in order and with repeats, to <paramref name="hashes"/>, which holds
    /// at least <see cref="MaxWords"/>, and returns how many there are. For an ASCII text, the hashes
    /// <see cref="FingerprintAscii"/> adds.
    /// </summary>
    private static int HashWords(string text, Span<uint> hashes)
    {
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
                hashes[words++] = hash;
                hash = 2166136261u;
                inWord = false;
            }
        }

        if (inWord)
        {
            hashes[words++] = hash;
        }

        return words;
    }

    // Words are separated by at least one character.
    private static int MaxWords(string text) => (text.Length + 1) / 2;

    private static void Add(Span<ulong> bits, uint hash) => bits[(int)(hash >> 6) & 3] |= 1UL << (int)(hash & 63);

    /// <summary>
    /// False when the fingerprints show that the two texts cannot share 80% of their words. Sharing 80% (Jaccard index
    /// over the word sets: shared &gt;= 0.8 * (a + b - shared), that is shared * 9 &gt;= (a + b) * 4) leaves at most
    /// (a + b) / 9 words in one text and not the other, and each bit set in one fingerprint and not the other is such a
    /// word; the word counts of the slots are at least a and b. Nearly every pair of messages differs, and is told so by
    /// the first 64 bits alone. Never false for texts that share 80%: long texts set most bits of both fingerprints, so
    /// the words decide (<see cref="NearlySame(RuleContext, int, int)"/>).
    /// </summary>
    private static bool MayBeNearlySame(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var limit = (int)(a[WordCount] + b[WordCount]);
        var differing = BitOperations.PopCount(a[0] ^ b[0]);
        if (differing * 9 > limit)
        {
            return false;
        }

        differing += BitOperations.PopCount(a[1] ^ b[1]) + BitOperations.PopCount(a[2] ^ b[2]) + BitOperations.PopCount(a[3] ^ b[3]);
        return differing * 9 <= limit;
    }

    /// <summary>
    /// At least 80% of the words of the two messages are shared (Jaccard index over their sets of case-folded words,
    /// each word known by its 32-bit hash): the sorted hashes of the two are merged and counted.
    /// </summary>
    private static bool NearlySame(RuleContext context, int first, int second)
    {
        var messages = context.Request.Messages;
        var a = messages[first].Text;
        var b = messages[second].Text;
        var hashes = context.WordHashes(MaxWords(a) + MaxWords(b)).AsSpan();
        var wordsOfA = DistinctSorted(hashes[..HashWords(a, hashes)]);
        var rest = hashes[wordsOfA.Length..];
        var wordsOfB = DistinctSorted(rest[..HashWords(b, rest)]);
        var shared = 0;
        for (int i = 0, j = 0; i < wordsOfA.Length && j < wordsOfB.Length;)
        {
            var order = wordsOfA[i].CompareTo(wordsOfB[j]);
            shared += order == 0 ? 1 : 0;
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }

        return shared * 9 >= (wordsOfA.Length + wordsOfB.Length) * 4;
    }

    // Sorts the hashes and keeps each once, at the start of the span.
    private static Span<uint> DistinctSorted(Span<uint> hashes)
    {
        hashes.Sort();
        var distinct = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            if (distinct == 0 || hashes[i] != hashes[distinct - 1])
            {
                hashes[distinct++] = hashes[i];
            }
        }

        return hashes[..distinct];
    }
}
