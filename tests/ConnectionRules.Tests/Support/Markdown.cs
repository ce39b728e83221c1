using System.Text.RegularExpressions;

namespace ConnectionRules.Tests.Support;

/// <summary>Reading the docs the tests hold to their word.</summary>
public static partial class Markdown
{
    /// <summary>A fenced code block; its content is the group <c>code</c>.</summary>
    [GeneratedRegex("```[a-z]*\\n(?<code>.*?)```", RegexOptions.Singleline)]
    public static partial Regex Fence();
}
