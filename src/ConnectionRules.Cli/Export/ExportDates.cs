using System.Globalization;

namespace ConnectionRules.Cli.Export;

/// <summary>
/// The date formats of a LinkedIn export, one per file. Every date is read as UTC: messages and endorsements say so,
/// Connections.csv holds a date only (read as midnight UTC of that date), and Invitations.csv holds a local time with no
/// zone, which is read as UTC too, so that the same export always gives the same answer on any machine.
/// </summary>
internal static class ExportDates
{
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

    // The invariant culture, but a two-digit year is 20yy: LinkedIn began in 2003, so "9/27/49" is 2049 and "1/2/50" 2050,
    // not 1950 as the invariant calendar's pivot (2049) would have it.
    private static readonly CultureInfo Culture = CreateCulture();

    /// <summary><c>Connected On</c> in Connections.csv: <c>15 Mar 2024</c>.</summary>
    public static readonly DateFormat ConnectedOn = new("15 Mar 2024", ["d MMM yyyy", "dd MMM yyyy", "d-MMM-yy", "d MMM yy", "yyyy-MM-dd"]);

    /// <summary><c>Sent At</c> in Invitations.csv: <c>9/27/25, 8:41 AM</c>, without a time zone.</summary>
    public static readonly DateFormat InvitationSentAt = new(
        "9/27/25, 8:41 AM",
        ["M/d/yy, h:mm tt", "M/d/yyyy, h:mm tt", "M/d/yy, H:mm", "M/d/yyyy, H:mm", "M/d/yy h:mm tt", "M/d/yyyy h:mm tt", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"]);

    /// <summary><c>DATE</c> in messages.csv: <c>2024-03-15 14:02:11 UTC</c>.</summary>
    public static readonly DateFormat MessageDate = new(
        "2024-03-15 14:02:11 UTC",
        ["yyyy-MM-dd HH:mm:ss 'UTC'", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd HH:mm 'UTC'"]);

    /// <summary><c>Endorsement Date</c> in Endorsement_Received_Info.csv: <c>2024/03/15 14:02:11 UTC</c>.</summary>
    public static readonly DateFormat EndorsementDate = new(
        "2024/03/15 14:02:11 UTC",
        ["yyyy/MM/dd HH:mm:ss 'UTC'", "yyyy/MM/dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss 'UTC'", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd"]);

    private static CultureInfo CreateCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.Calendar.TwoDigitYearMax = 2099;
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>One file's date format: the formats accepted and an example for error messages.</summary>
    internal sealed class DateFormat(string example, string[] formats)
    {
        /// <summary>Gets an example of the format, as LinkedIn writes it.</summary>
        public string Example { get; } = example;

        /// <summary>Parses a value as UTC; false when it has none of the formats.</summary>
        public bool TryParse(string value, out DateTimeOffset result)
        {
            // messages.csv holds most dates of an export: its exact format is read without the general parser.
            if (TryParseMessageDate(value, out result))
            {
                return true;
            }

            // Newer exports write a narrow no-break space before AM/PM; some tools write a no-break space.
            var normalized = value.AsSpan().IndexOfAny('\u202F', '\u00A0') >= 0 ? value.Replace('\u202F', ' ').Replace('\u00A0', ' ') : value;
            if (DateTime.TryParseExact(normalized, formats, Culture, Utc, out var parsed))
            {
                result = new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc));
                return true;
            }

            result = default;
            return false;
        }

        /// <summary><c>2024-03-15 14:02:11 UTC</c>, exactly.</summary>
        private static bool TryParseMessageDate(string value, out DateTimeOffset result)
        {
            result = default;
            var s = value.AsSpan();
            if (s.Length != 23 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':' || !s[19..].SequenceEqual(" UTC"))
            {
                return false;
            }

            if (!Number(s[..4], out var year) || !Number(s.Slice(5, 2), out var month) || !Number(s.Slice(8, 2), out var day)
                || !Number(s.Slice(11, 2), out var hour) || !Number(s.Slice(14, 2), out var minute) || !Number(s.Slice(17, 2), out var second)
                || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 59 || year < 1)
            {
                return false;
            }

            result = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
            return true;
        }

        private static bool Number(ReadOnlySpan<char> digits, out int value)
        {
            value = 0;
            foreach (var c in digits)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            return true;
        }
    }
}
