using ConnectionRules.Cli.Tests.Support;
using ConnectionRules.Tests.Support;

namespace ConnectionRules.Cli.Tests;

/// <summary>The README's first command is this tool on its sample export, and the README shows what it prints.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Repository.PathOf("README.md"));

    [Fact]
    public void The_readme_shows_what_triage_prints_on_the_sample_export()
    {
        var marker = Readme.IndexOf("<!-- triage output", StringComparison.Ordinal);
        Assert.True(marker >= 0, "README.md has no triage output block.");
        var shown = Markdown.Fence().Match(Readme, marker).Groups["code"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var printed = Tool.Run("triage").Out.Split('\n');

        Assert.True(shown.Length > 10, "The README shows too little of the output.");
        Assert.All(shown, line => Assert.Contains(line, printed));
    }
}
