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
    private const int FingerprintWords = 4;

    public override RuleDescriptor Descriptor => Rule;

    public override void Evaluate(RuleContext context)
    {
        var messages = context.Request.Messages;
        var options = context.Options;
        var reportedRepeats = false;
        var reportedUnanswered = false;
        var inARow = 0;
        var senderMessages = 0;
        var fingerprints = context.Fingerprints(Math.Min(messages.Count, Lookback) * FingerprintWords);
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
                context.Report(RuleText.MessageLocation(i), $"{inARow} sender messages in a row without a reply");
            }

            if (reportedRepeats)
            {
                continue;
            }

            var slot = senderMessages % Lookback * FingerprintWords;
            var current = fingerprints.AsSpan(slot, FingerprintWords);
            if (!Fingerprint(message.Text, current))
            {
                continue;
            }

            var similar = 1;
            for (var back = 1; back <= Math.Min(senderMessages, Lookback - 1); back++)
            {
                var earlier = fingerprints.AsSpan((senderMessages - back) % Lookback * FingerprintWords, FingerprintWords);
                if (NearlySame(current, earlier))
                {
                    similar++;
                }
            }

            senderMessages++;
            if (similar >= options.RepeatedMessageCount)
            {
                reportedRepeats = true;
                context.Report(RuleText.MessageLocation(i), $"{similar} sender messages with the same or nearly the same text");
            }
        }
    }

    /// <summary>Hashes the text's words (FNV-1a over their letters and digits, case-folded) into a 256-bit set; false when the text has no word.</summary>
    private static bool Fingerprint(string text, Span<ulong> bits)
    {
        bits.Clear();
        return Ascii.IsValid(text) ? FingerprintAscii(text, bits) : FingerprintAny(text, bits);
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

    /// <summary>At least 80% of the words of the two texts are shared (Jaccard index over the word sets).</summary>
    private static bool NearlySame(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        int shared = 0, all = 0;
        for (var i = 0; i < FingerprintWords; i++)
        {
            shared += BitOperations.PopCount(a[i] & b[i]);
            all += BitOperations.PopCount(a[i] | b[i]);
        }

        return shared * 5 >= all * 4;
    }
}
