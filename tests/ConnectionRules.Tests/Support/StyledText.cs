using System.Text;

namespace ConnectionRules.Tests.Support;

/// <summary>
/// Writes ASCII text the way people write bold and italic where a text field has no formatting: with Unicode's
/// Mathematical Alphanumeric Symbols (surrogate pairs), whose gaps are filled by letterlike symbols of the BMP, or with
/// fullwidth forms.
/// </summary>
public static class StyledText
{
    /// <summary>The styles: each one's first capital, first small letter and first digit, if it has digits, and its gaps.</summary>
    public enum Style
    {
        /// <summary>𝐁𝐨𝐥𝐝.</summary>
        Bold,

        /// <summary>𝗦𝗮𝗻𝘀-𝘀𝗲𝗿𝗶𝗳 𝗯𝗼𝗹𝗱, what most "bold text" generators give.</summary>
        SansBold,

        /// <summary>𝐼𝑡𝑎𝑙𝑖𝑐, whose h is ℎ (U+210E).</summary>
        Italic,

        /// <summary>𝒮𝒸𝓇𝒾𝓅𝓉, with eleven letters in the BMP.</summary>
        Script,

        /// <summary>𝔻𝕠𝕦𝕓𝕝𝕖-𝕤𝕥𝕣𝕦𝕔𝕜, with seven capitals in the BMP.</summary>
        DoubleStruck,

        /// <summary>𝙼𝚘𝚗𝚘𝚜𝚙𝚊𝚌𝚎.</summary>
        Monospace,

        /// <summary>Ｆｕｌｌｗｉｄｔｈ: every printable ASCII character, U+FF01 to U+FF5E.</summary>
        Fullwidth,
    }

    /// <summary>All styles.</summary>
    public static readonly Style[] Styles = Enum.GetValues<Style>();

    // The letters whose place in a mathematical alphabet is empty because the BMP had them first.
    private static readonly Dictionary<(Style, char), char> Gaps = new()
    {
        [(Style.Italic, 'h')] = '\u210E',
        [(Style.Script, 'B')] = '\u212C', [(Style.Script, 'E')] = '\u2130', [(Style.Script, 'F')] = '\u2131',
        [(Style.Script, 'H')] = '\u210B', [(Style.Script, 'I')] = '\u2110', [(Style.Script, 'L')] = '\u2112',
        [(Style.Script, 'M')] = '\u2133', [(Style.Script, 'R')] = '\u211B', [(Style.Script, 'e')] = '\u212F',
        [(Style.Script, 'g')] = '\u210A', [(Style.Script, 'o')] = '\u2134',
        [(Style.DoubleStruck, 'C')] = '\u2102', [(Style.DoubleStruck, 'H')] = '\u210D', [(Style.DoubleStruck, 'N')] = '\u2115',
        [(Style.DoubleStruck, 'P')] = '\u2119', [(Style.DoubleStruck, 'Q')] = '\u211A', [(Style.DoubleStruck, 'R')] = '\u211D',
        [(Style.DoubleStruck, 'Z')] = '\u2124',
    };

    /// <summary>The text in the style: its ASCII letters and digits (and, in fullwidth, all printable ASCII) styled, the rest as it is.</summary>
    public static string In(Style style, string text)
    {
        var (capitals, smalls, digits) = style switch
        {
            Style.Bold => (0x1D400, 0x1D41A, 0x1D7CE),
            Style.SansBold => (0x1D5D4, 0x1D5EE, 0x1D7EC),
            Style.Italic => (0x1D434, 0x1D44E, 0),
            Style.Script => (0x1D49C, 0x1D4B6, 0),
            Style.DoubleStruck => (0x1D538, 0x1D552, 0x1D7D8),
            Style.Monospace => (0x1D670, 0x1D68A, 0x1D7F6),
            _ => (0, 0, 0),
        };
        var styled = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (style == Style.Fullwidth)
            {
                styled.Append(c is > ' ' and <= '~' ? (char)(c + 0xFEE0) : c);
            }
            else if (Gaps.TryGetValue((style, c), out var gap))
            {
                styled.Append(gap);
            }
            else if (char.IsAsciiLetterUpper(c) || char.IsAsciiLetterLower(c) || (char.IsAsciiDigit(c) && digits != 0))
            {
                var codePoint = char.IsAsciiLetterUpper(c) ? capitals + (c - 'A') : char.IsAsciiLetterLower(c) ? smalls + (c - 'a') : digits + (c - '0');
                styled.Append(char.ConvertFromUtf32(codePoint));
            }
            else
            {
                styled.Append(c);
            }
        }

        return styled.ToString();
    }
}
