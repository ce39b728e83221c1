namespace ConnectionRules.Cli.Tests;

/// <summary><see cref="TerminalText.Printable(string)"/>: what the table and standard error print of the export.</summary>
public sealed class TerminalTextTests
{
    public static TheoryData<string, string> Escapes => new()
    {
        { "\u001B[31mRED\u001B[0m", @"\u001B[31mRED\u001B[0m" },
        { "\u001B]0;pwned\u0007", @"\u001B]0;pwned\u0007" },
        { "a\u0000b\u0001c\u001F", @"a\u0000b\u0001c\u001F" },
        { "tab\tcr\rlf\n", @"tab\u0009cr\u000Dlf\u000A" },
        { "\u007F\u0085\u009B", @"\u007F\u0085\u009B" },
        { "\u202Eevil\u202C", @"\u202Eevil\u202C" },
        { "\u061C\u200E\u200F\u202A\u202B\u202D\u2066\u2067\u2068\u2069", @"\u061C\u200E\u200F\u202A\u202B\u202D\u2066\u2067\u2068\u2069" },
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public void Control_and_bidi_characters_become_visible_escapes(string text, string expected) =>
        Assert.Equal(expected, TerminalText.Printable(text));

    [Theory]
    [InlineData("")]
    [InlineData("Ann Lee")]
    [InlineData("Jürgen Müller, 李小龍 😀 \u00A0\u200B\u200D")]
    public void Text_with_nothing_to_escape_is_returned_as_the_same_instance(string text) =>
        Assert.Same(text, TerminalText.Printable(text));

    [Fact]
    public void Exactly_the_control_characters_and_the_bidi_formatting_characters_are_escaped()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            var text = c.ToString();
            var escaped = char.IsControl(c) || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

            Assert.Equal(escaped ? $"\\u{(int)c:X4}" : text, TerminalText.Printable(text));
        }
    }
}
