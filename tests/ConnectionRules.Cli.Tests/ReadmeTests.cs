using System.Text.RegularExpressions;
using ConnectionRules.Cli.Tests.Support;
using ConnectionRules.Tests.Support;

namespace ConnectionRules.Cli.Tests;

/// <summary>The README's first command is this tool on its sample export, and the README shows all that it prints.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Repository.PathOf("README.md"));

    [Fact]
    public void The_readme_shows_what_triage_prints_on_the_sample_export()
    {
        var marker = Readme.IndexOf("<!-- triage output", StringComparison.Ordinal);
        Assert.True(marker >= 0, "README.md has no triage output block.");
        var shown = Markdown.Fence().Match(Readme, marker).Groups["code"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // The tool names the folder it read, which is wherever it is installed: the README shows "…" for that part.
        var printed = Regex.Replace(Tool.Run("triage").Out, @"^.*(?=[/\\]SampleExport \(the sample export)", "…", RegexOptions.Multiline)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.True(shown.Length > 10, "The README shows too little of the output.");
        Assert.Equal(printed, shown);
    }
}
