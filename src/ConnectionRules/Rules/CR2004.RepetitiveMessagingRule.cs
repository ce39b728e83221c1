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
    internal const int Lookback = RuleEngineOptions.MaxRepeatedMessageCount;

    // A sender message's slot in the fingerprints: its 256-bit word set in four ulongs; how many words it has (repeats
    // included, so at least the words of the set); and where the hashes of its words start in the word hashes.
    private const int FingerprintWords = 4;
    private const int WordCount = FingerprintWords;
    private const int HashesStart = FingerprintWords + 1;
    private const int SlotLength = FingerprintWords + 2;

    // The words of two messages compared in a table of this many entries at most on the stack, else in scratch space.
    private const int StackTable = 256;
    private const ulong InFirst = 1UL << 32;
    private const ulong InSecond = 1UL << 33;

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
        var hashes = context.WordHashes(0);
        var hashed = 0;
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

            hashes = Room(context, hashes, fingerprints, senderMessages, ref hashed, MaxWords(message.Text));
            var current = fingerprints.AsSpan(senderMessages % Lookback * SlotLength, SlotLength);
            if (!Fingerprint(message.Text, current, hashes, hashed))
            {
                continue;
            }

            hashed += (int)current[WordCount];
            var similar = 1 + CountNearlySame(context, current, fingerprints, senderMessages, hashes);
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
    private static int CountNearlySame(RuleContext context, ReadOnlySpan<ulong> current, ulong[] fingerprints, int senderMessage, uint[] hashes)
    {
        var count = 0;
        for (var back = 1; back <= Math.Min(senderMessage, Lookback - 1); back++)
        {
            var earlier = fingerprints.AsSpan((senderMessage - back) % Lookback * SlotLength, SlotLength);
            if (MayBeNearlySame(current, earlier) && NearlySame(context, Words(current, hashes), Words(earlier, hashes)))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Hashes the text's words (FNV-1a over their letters and digits, case-folded; ignorable characters such as
    /// zero-width spaces are skipped) into a 256-bit set, the slot's first four ulongs, and into
    /// <paramref name="hashes"/> from <paramref name="start"/> on, in order and with repeats; the slot keeps how many
    /// and where. False when the text has no word.
    /// </summary>
    private static bool Fingerprint(string text, Span<ulong> slot, uint[] hashes, int start)
    {
        var bits = slot[..FingerprintWords];
        bits.Clear();
        var words = hashes.AsSpan(start, MaxWords(text));
        var count = Ascii.IsValid(text) ? FingerprintAscii(text, bits, words) : FingerprintAny(text, bits, words);
        slot[WordCount] = (ulong)count;
        slot[HashesStart] = (ulong)start;
        return count > 0;
    }

    /// <summary>
    /// The fingerprint of a text of ASCII characters alone, nearly every message, in two tight loops that
    /// call nothing. A letter is a character whose lower case (<c>c | 0x20</c>) is one, a digit is itself one, and what
    /// is hashed is <c>c | 0x20</c>, which leaves digits as they are.
    /// </summary>
    private static int FingerprintAscii(ReadOnlySpan<char> text, Span<ulong> bits, Span<uint> hashes)
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
            hashes[words++] = hash;
        }

        static bool IsAsciiLetterOrDigit(uint c) => (c | 0x20u) - 'a' < 26 || c - '0' < 10;
    }

    private static int FingerprintAny(string text, Span<ulong> bits, Span<uint> hashes)
    {
        var words = 0;
        var hash = 2166136261u;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (PhraseMatcher.IsIgnorableAt(text, i))
            {
                // Invisible: "fol\u200Blow" is the word "follow".
                continue;
            }

            // A styled letter is its ASCII letter: "𝗳𝗼𝗹𝗹𝗼𝘄" is the word "follow".
            var c = PhraseMatcher.ReadChar(text, ref i);

            if (char.IsLetterOrDigit(c))
            {
                hash = (hash ^ char.ToLowerInvariant(c)) * 16777619u;
                inWord = true;
            }
            else if (inWord)
            {
                Add(bits, hash);
                hashes[words++] = hash;
                hash = 2166136261u;
                inWord = false;
            }
        }

        if (inWord)
        {
            Add(bits, hash);
            hashes[words++] = hash;
        }

        return words;
    }

    /// <summary>
    /// Word hashes with room for <paramref name="words"/> more after <paramref name="hashed"/>. When they are full, the
    /// hashes of the sender messages still compared (the <see cref="Lookback"/> - 1 before the current one) move to the
    /// front, oldest first, and only then does the space grow, so it holds no more than those messages' words.
    /// </summary>
    private static uint[] Room(RuleContext context, uint[] hashes, ulong[] fingerprints, int senderMessage, ref int hashed, int words)
    {
        if ((long)hashed + words <= hashes.Length)
        {
            return hashes;
        }

        var kept = 0L;
        for (var back = Math.Min(senderMessage, Lookback - 1); back >= 1; back--)
        {
            var slot = fingerprints.AsSpan((senderMessage - back) % Lookback * SlotLength, SlotLength);
            var count = (int)slot[WordCount];
            hashes.AsSpan((int)slot[HashesStart], count).CopyTo(hashes.AsSpan((int)kept));
            slot[HashesStart] = (ulong)kept;
            kept += count;
        }

        if (kept + words > Array.MaxLength)
        {
            throw new InvalidOperationException($"The sender's last {Lookback} messages hold more words than CR2004 can compare ({kept + words:N0}).");
        }

        hashed = (int)kept;
        if (hashed + words <= hashes.Length)
        {
            return hashes;
        }

        var grown = context.WordHashes(hashed + words);
        hashes.AsSpan(0, hashed).CopyTo(grown);
        return grown;
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
    /// the words decide (<see cref="NearlySame"/>).
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

    // The hashes of the words of the slot's message, in order and with repeats.
    private static ReadOnlySpan<uint> Words(ReadOnlySpan<ulong> slot, uint[] hashes) =>
        hashes.AsSpan((int)slot[HashesStart], (int)slot[WordCount]);

    /// <summary>
    /// At least 80% of the words of the two messages are shared (Jaccard index over their sets of case-folded words,
    /// each word known by its 32-bit hash). The words of both go into one open-addressing table, each entry the hash
    /// with a bit for each message it is in, and are counted as they go in.
    /// </summary>
    private static bool NearlySame(RuleContext context, ReadOnlySpan<uint> first, ReadOnlySpan<uint> second)
    {
        // At most half full, so that a lookup ends at an empty entry after a few steps.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)(2 * (first.Length + second.Length)));
        Span<ulong> table = size <= StackTable ? stackalloc ulong[size] : context.WordTable(size).AsSpan(0, size);
        if (size > StackTable)
        {
            table.Clear();
        }

        var shift = 32 - BitOperations.Log2((uint)size);
        var (inFirst, _) = Add(table, shift, first, InFirst);
        var (inSecond, shared) = Add(table, shift, second, InSecond);
        return shared * 9 >= (inFirst + inSecond) * 4;

        // Adds the words to the table, marked as the message's; returns how many different ones the message has, and
        // how many of them were in the table already.
        static (int Distinct, int Shared) Add(Span<ulong> table, int shift, ReadOnlySpan<uint> words, ulong message)
        {
            var mask = table.Length - 1;
            int distinct = 0, shared = 0;
            foreach (var word in words)
            {
                // Fibonacci hashing spreads FNV-1a's hashes over the table; the first empty entry, or the word's, is its.
                var index = (int)((word * 2654435769u) >> shift);
                while (table[index] != 0 && (uint)table[index] != word)
                {
                    index = (index + 1) & mask;
                }

                var entry = table[index];
                if ((entry & message) == 0)
                {
                    distinct++;
                    shared += entry != 0 ? 1 : 0;
                    table[index] = entry | word | message;
                }
            }

            return (distinct, shared);
        }
    }
}
