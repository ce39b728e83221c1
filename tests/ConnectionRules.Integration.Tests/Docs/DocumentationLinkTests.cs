using System.Text.RegularExpressions;
using ConnectionRules.Tests.Support;

namespace ConnectionRules.Integration.Tests.Docs;

/// <summary>The guides link to each other, to the rule pages and to the sample, and every relative link resolves.</summary>
public sealed partial class DocumentationLinkTests
{
    public static TheoryData<string> Pages => new(
        "docs/getting-started.md",
        "docs/configuration.md",
        "docs/custom-rules.md",
        "samples/ConnectionRules.SampleCrm/README.md");

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_resolves_to_a_file_and_heading(string page)
    {
        var path = Repository.PathOf(page.Split('/'));
        var text = File.ReadAllText(path);

        foreach (Match link in Link().Matches(text))
        {
            var target = link.Groups["target"].Value;
            if (target.Contains("://", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = target.Split('#', 2);
            var file = parts[0].Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, parts[0]));
            Assert.True(File.Exists(file), $"{page} links to {target}, which does not exist.");
            if (parts.Length == 2)
            {
                var anchors = Heading().Matches(File.ReadAllText(file)).Select(h => Anchor(h.Groups["title"].Value));
                Assert.Contains(parts[1], anchors);
            }
        }
    }

    [Theory]
    [InlineData("docs/getting-started.md")]
    [InlineData("docs/configuration.md")]
    [InlineData("docs/custom-rules.md")]
    public void Each_guide_links_to_the_others_and_to_the_rule_pages(string page)
    {
        var targets = Link().Matches(File.ReadAllText(Repository.PathOf(page.Split('/')))).Select(m => m.Groups["target"].Value.Split('#')[0]).ToHashSet();
        var others = new[] { "getting-started.md", "configuration.md", "custom-rules.md" }.Where(g => !page.EndsWith(g, StringComparison.Ordinal));

        Assert.Contains("rules/README.md", targets);
        Assert.All(others, other => Assert.Contains(other, targets));
    }

    // GitHub's anchors: lower case, spaces to hyphens, punctuation other than hyphens dropped.
    private static string Anchor(string title) =>
        new string([.. title.Trim().ToLowerInvariant().Replace(' ', '-').Where(c => char.IsLetterOrDigit(c) || c is '-' or '_')]);

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#+ (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
