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

    // A near-duplicate is looked for among this many earlier sender messages: follow-ups repeat recent ones.
    private const int Lookback = 32;

    // A sender message's slot in the fingerprints: its 256-bit word set in four ulongs, then how many bits the set holds.
    private const int FingerprintWords = 4;
    private const int SlotLength = FingerprintWords + 1;

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
            if (!Fingerprint(message.Text, current))
            {
                continue;
            }

            var similar = 1 + CountNearlySame(current, fingerprints, senderMessages);
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
    /// message <paramref name="senderMessage"/>, whose slot is <paramref name="current"/>.
    /// </summary>
    private static int CountNearlySame(ReadOnlySpan<ulong> current, ulong[] fingerprints, int senderMessage)
    {
        var count = 0;
        for (var back = 1; back <= Math.Min(senderMessage, Lookback - 1); back++)
        {
            if (NearlySame(current, fingerprints.AsSpan((senderMessage - back) % Lookback * SlotLength, SlotLength)))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Hashes the text's words (FNV-1a over their letters and digits, case-folded) into a 256-bit set, the slot's first
    /// four ulongs, and stores how many bits the set holds in the fifth; false when the text has no word.
    /// </summary>
    private static bool Fingerprint(string text, Span<ulong> slot)
    {
        var bits = slot[..FingerprintWords];
        bits.Clear();
        var any = Ascii.IsValid(text) ? FingerprintAscii(text, bits) : FingerprintAny(text, bits);
        slot[FingerprintWords] = (ulong)(BitOperations.PopCount(bits[0]) + BitOperations.PopCount(bits[1]) + BitOperations.PopCount(bits[2]) + BitOperations.PopCount(bits[3]));
        return any;
    }

    /// <summary>
    /// <see cref="FingerprintAny"/> for a text of ASCII characters alone, nearly every message, in two tight loops that
    /// call nothing. A letter is a character whose lower case (<c>c | 0x20</c>) is one, a digit is itself one, and what
    /// is hashed is <c>c | 0x20</c>, which leaves digits as they are.
    /// </summary>
    private static bool FingerprintAscii(ReadOnlySpan<char> text, Span<ulong> bits)
    {
        var any = false;
        var i = 0;
        while (true)
        {
            uint c;
            do
            {
                if (i == text.Length)
                {
                    return any;
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
            any = true;
        }

        static bool IsAsciiLetterOrDigit(uint c) => (c | 0x20u) - 'a' < 26 || c - '0' < 10;
    }

    private static bool FingerprintAny(string text, Span<ulong> bits)
    {
        var any = false;
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
                Add(bits, hash);
                any = true;
                hash = 2166136261u;
                inWord = false;
            }
        }

        if (inWord)
        {
            Add(bits, hash);
            any = true;
        }

        return any;
    }

    private static void Add(Span<ulong> bits, uint hash) => bits[(int)(hash >> 6) & 3] |= 1UL << (int)(hash & 63);

    /// <summary>
    /// At least 80% of the words of the two texts are shared (Jaccard index over the word sets): with the bit counts
    /// of the slots, shared * 5 &gt;= (a + b - shared) * 4, that is shared * 9 &gt;= (a + b) * 4. Nearly every pair of
    /// messages differs, and is told so by the first 64 bits alone: the bits shared there, with every bit of
    /// <paramref name="a"/> outside them, are already too few.
    /// </summary>
    private static bool NearlySame(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var needed = (int)(a[FingerprintWords] + b[FingerprintWords]) * 4;
        var shared = BitOperations.PopCount(a[0] & b[0]);
        if ((shared + (int)a[FingerprintWords] - BitOperations.PopCount(a[0])) * 9 < needed)
        {
            return false;
        }

        shared += BitOperations.PopCount(a[1] & b[1]) + BitOperations.PopCount(a[2] & b[2]) + BitOperations.PopCount(a[3] & b[3]);
        return shared * 9 >= needed;
    }
}
