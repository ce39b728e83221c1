using System.Buffers;
using System.Globalization;
using System.Text;

namespace ConnectionRules.Cli;

/// <summary>
/// Text of the export made safe to print on a terminal: the table and standard error. An export's names and messages
/// may hold control characters (LinkedIn writes them as HTML entities, such as <c>&amp;#27;</c>, which reading decodes)
/// that a terminal would obey (colours, a window title) or that would break the table's borders, and bidirectional
/// formatting characters that would show the rest of a row reversed. The JSON and SARIF reports keep the data exact.
/// </summary>
internal static class TerminalText
{
    // char.IsControl: C0, DEL and C1. Then the bidirectional marks, embeddings, overrides and isolates.
    private static readonly SearchValues<char> Unprintable = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F"
        + "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F"
        + "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>
    /// Replaces each control character (line breaks and tabs included: the text is one value) and each bidirectional
    /// formatting character with a visible escape such as <c>\u001B</c>.
    /// </summary>
    /// <param name="text">A value of the export, or a line that quotes one.</param>
    /// <returns><paramref name="text"/> itself when it has nothing to replace; otherwise a copy with the escapes.</returns>
    public static string Printable(string text)
    {
        var index = text.AsSpan().IndexOfAny(Unprintable);
        if (index < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, index);
        foreach (var c in text.AsSpan(index))
        {
            if (Unprintable.Contains(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
