using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Rules;

/// <summary>
/// Keeps the built-in descriptors, their help pages under <c>docs/rules</c>, the index and the release-tracking files in
/// agreement, the way analyzer repositories check <c>AnalyzerReleases.*.md</c> and help links against their descriptors.
/// </summary>
public sealed partial class RuleDocumentationTests
{
    private const string ReleaseHeaderFirstCell = "Rule ID";

    private static readonly string[] PageSections = ["## What it detects", "## Example", "## How to configure", "## How to suppress"];

    private static readonly string[] ReleaseFiles = ["RuleReleases.Shipped.md", "RuleReleases.Unshipped.md"];

    public static TheoryData<string> BuiltInRuleIds => new(BuiltInDescriptors().Select(d => d.Id));

    [Theory]
    [MemberData(nameof(BuiltInRuleIds))]
    public void Every_built_in_rule_has_a_page_whose_property_table_agrees_with_its_descriptor(string id)
    {
        var descriptor = DescriptorOf(id);
        var path = PagePath(id);
        Assert.True(File.Exists(path), $"{id} has no documentation page: expected {path}.");

        var lines = File.ReadAllLines(path);
        var problems = new List<string>();
        var heading = lines.FirstOrDefault(l => l.Length > 0);
        var expectedHeading = $"# {id}: {descriptor.Title}";
        if (!string.Equals(heading, expectedHeading, StringComparison.Ordinal))
        {
            problems.Add($"heading is '{heading}', expected '{expectedHeading}'");
        }

        var table = PropertyTable(lines);
        Expect(table, "Id", id, problems);
        Expect(table, "Title", descriptor.Title, problems);
        Expect(table, "Category", descriptor.Category, problems);
        Expect(table, "Default severity", descriptor.DefaultSeverity.ToString(), problems);
        Expect(table, "Enabled by default", descriptor.IsEnabledByDefault ? "Yes" : "No", problems);

        if (problems.Count > 0)
        {
            Assert.Fail($"docs/rules/{id}.md disagrees with the descriptor of {id}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");
        }
    }

    [Theory]
    [MemberData(nameof(BuiltInRuleIds))]
    public void Every_built_in_rule_page_has_the_sections_a_reader_looks_for(string id)
    {
        var path = PagePath(id);
        Assert.True(File.Exists(path), $"{id} has no documentation page: expected {path}.");

        var lines = File.ReadAllLines(path);
        var missing = PageSections.Where(s => !lines.Any(l => string.Equals(l.TrimEnd(), s, StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, $"docs/rules/{id}.md lacks the section(s) {string.Join(", ", missing.Select(s => $"'{s}'"))}.");
    }

    [Theory]
    [MemberData(nameof(BuiltInRuleIds))]
    public void Every_built_in_rule_help_link_is_built_from_the_format_and_points_at_its_page(string id)
    {
        var descriptor = DescriptorOf(id);
        var expected = string.Format(CultureInfo.InvariantCulture, RuleIds.HelpLinkFormat, id);

        Assert.True(
            string.Equals(descriptor.HelpLinkUri, expected, StringComparison.Ordinal),
            $"{id}: HelpLinkUri is '{descriptor.HelpLinkUri}', expected '{expected}' (RuleIds.HelpLinkFormat with its id).");
        Assert.True(
            descriptor.HelpLinkUri?.EndsWith($"docs/rules/{id}.md", StringComparison.Ordinal) == true,
            $"{id}: HelpLinkUri '{descriptor.HelpLinkUri}' does not end with 'docs/rules/{id}.md'.");
    }

    [Theory]
    [MemberData(nameof(BuiltInRuleIds))]
    public void The_index_lists_every_built_in_rule_with_its_title_category_and_severity(string id)
    {
        var descriptor = DescriptorOf(id);
        var rows = IndexRows().Where(r => string.Equals(r.Id, id, StringComparison.Ordinal)).ToList();
        Assert.True(rows.Count == 1, $"docs/rules/README.md lists {id} {rows.Count} time(s); it should list it once, as [{id}]({id}.md).");

        var row = rows[0];
        var problems = new List<string>();
        Compare("link", row.Link, $"{id}.md", problems);
        Compare("Title", row.Title, descriptor.Title, problems);
        Compare("Category", row.Category, descriptor.Category, problems);
        Compare("Default severity", row.Severity, descriptor.DefaultSeverity.ToString(), problems);
        if (problems.Count > 0)
        {
            Assert.Fail($"docs/rules/README.md, line {row.Line}, disagrees with the descriptor of {id}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");
        }
    }

    [Fact]
    public void The_index_lists_no_rule_that_does_not_exist()
    {
        var known = BuiltInIds();
        var unknown = IndexRows().Where(r => !known.Contains(r.Id)).Select(r => $"{r.Id} (line {r.Line})").ToList();
        Assert.True(unknown.Count == 0, $"docs/rules/README.md lists rule(s) that are not built in: {string.Join(", ", unknown)}.");
    }

    [Fact]
    public void There_is_no_page_for_a_rule_that_does_not_exist()
    {
        var known = BuiltInIds();
        var strays = Directory.EnumerateFiles(Repository.PathOf("docs", "rules"), "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !string.Equals(name, "README", StringComparison.Ordinal) && !known.Contains(name!))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(strays.Count == 0, $"docs/rules holds page(s) for rule(s) that are not built in: {string.Join(", ", strays.Select(s => s + ".md"))}.");
    }

    [Theory]
    [MemberData(nameof(BuiltInRuleIds))]
    public void Every_built_in_rule_has_exactly_one_release_line_that_agrees_with_its_descriptor(string id)
    {
        var descriptor = DescriptorOf(id);
        var lines = ReleaseLines().Where(l => string.Equals(l.Id, id, StringComparison.Ordinal)).ToList();
        Assert.True(
            lines.Count == 1,
            $"{id} has {lines.Count} line(s) in {string.Join(" and ", ReleaseFiles)}; it needs exactly one{(lines.Count > 1 ? ": " + string.Join(", ", lines.Select(l => l.Where)) : ".")}");

        var line = lines[0];
        var problems = new List<string>();
        Compare("Category", line.Category, descriptor.Category, problems);

        // The analyzer release format writes a rule that is off by default as "Disabled".
        Compare("Severity", line.Severity, descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled", problems);
        if (problems.Count > 0)
        {
            Assert.Fail($"{line.Where} disagrees with the descriptor of {id}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");
        }
    }

    [Fact]
    public void No_release_line_names_a_rule_that_does_not_exist()
    {
        var known = BuiltInIds();
        var lines = ReleaseLines();
        Assert.NotEmpty(lines);

        var unknown = lines.Where(l => !known.Contains(l.Id)).Select(l => $"{l.Id} at {l.Where}").ToList();
        Assert.True(unknown.Count == 0, $"Release lines name rule(s) that are not built in: {string.Join(", ", unknown)}.");
    }

    [Theory]
    [MemberData(nameof(BuiltInRuleIds))]
    public void Every_built_in_rule_id_is_well_formed(string id)
    {
        Assert.True(RuleDescriptor.IsValidId(id), $"{id} is not a valid rule id according to RuleDescriptor.IsValidId.");
        Assert.True(IdPattern().IsMatch(id), $"{id} does not match {IdPattern()}.");
    }

    [Fact]
    public void Built_in_rule_ids_are_unique()
    {
        var duplicates = BuiltInDescriptors().GroupBy(d => d.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"Built-in rule id(s) used more than once: {string.Join(", ", duplicates)}.");
    }

    [Fact]
    public void Every_rule_id_constant_in_RuleIds_belongs_to_a_built_in_rule()
    {
        var known = BuiltInIds();
        var orphans = RuleIdConstants()
            .Where(c => !known.Contains(c.Value))
            .Select(c => $"RuleIds.{c.Name} = \"{c.Value}\"")
            .ToList();
        Assert.True(orphans.Count == 0, $"RuleIds declares id(s) that no built-in rule uses (retire an id as a comment instead): {string.Join(", ", orphans)}.");
    }

    [Fact]
    public void Every_built_in_rule_id_is_a_constant_in_RuleIds()
    {
        var constants = RuleIdConstants().Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var missing = BuiltInIds().Where(id => !constants.Contains(id)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"Built-in rule id(s) missing from the RuleIds catalogue: {string.Join(", ", missing)}.");
    }

    [GeneratedRegex("^[A-Z]{2,}[0-9]{3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    private static List<RuleDescriptor> BuiltInDescriptors() => RecommendedRules.AllDescriptors().ToList();

    private static HashSet<string> BuiltInIds() => BuiltInDescriptors().Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

    private static RuleDescriptor DescriptorOf(string id) => BuiltInDescriptors().Single(d => string.Equals(d.Id, id, StringComparison.Ordinal));

    private static string PagePath(string id) => Repository.PathOf("docs", "rules", $"{id}.md");

    private static void Expect(Dictionary<string, string> table, string property, string expected, List<string> problems)
    {
        if (!table.TryGetValue(property, out var actual))
        {
            problems.Add($"the property table has no '{property}' row (expected '{expected}')");
        }
        else
        {
            Compare(property, actual, expected, problems);
        }
    }

    private static void Compare(string field, string actual, string expected, List<string> problems)
    {
        if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            problems.Add($"{field} is '{actual}', expected '{expected}'");
        }
    }

    /// <summary>The rows of the page's <c>| Property | Value |</c> table.</summary>
    private static Dictionary<string, string> PropertyTable(string[] lines)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = Array.FindIndex(lines, l => Cells(l) is ["Property", "Value"]);
        if (start < 0)
        {
            return table;
        }

        for (var i = start + 1; i < lines.Length && IsTableLine(lines[i]); i++)
        {
            if (!IsSeparator(lines[i]) && Cells(lines[i]) is [var property, var value])
            {
                table[property] = value;
            }
        }

        return table;
    }

    private static List<IndexRow> IndexRows()
    {
        var path = Repository.PathOf("docs", "rules", "README.md");
        Assert.True(File.Exists(path), $"There is no rule index: expected {path}.");

        var rows = new List<IndexRow>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (IsTableLine(lines[i]) && !IsSeparator(lines[i])
                && Cells(lines[i]) is [var first, var title, var category, var severity, ..]
                && IndexLink().Match(first) is { Success: true } link)
            {
                rows.Add(new IndexRow(i + 1, link.Groups["id"].Value, link.Groups["target"].Value, title, category, severity));
            }
        }

        return rows;
    }

    [GeneratedRegex(@"^\[(?<id>[^\]]+)\]\((?<target>[^)]*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex IndexLink();

    /// <summary>The rows of every <c>Rule ID | Category | Severity | Notes</c> table in the release-tracking files.</summary>
    private static List<ReleaseLine> ReleaseLines()
    {
        var lines = new List<ReleaseLine>();
        foreach (var file in ReleaseFiles)
        {
            var path = Repository.PathOf("src", "ConnectionRules", file);
            Assert.True(File.Exists(path), $"The release-tracking file {path} is missing.");

            var text = File.ReadAllLines(path);
            for (var i = 0; i < text.Length; i++)
            {
                if (!IsTableLine(text[i]) || IsSeparator(text[i]))
                {
                    continue;
                }

                var cells = Cells(text[i]);
                if (string.Equals(cells[0], ReleaseHeaderFirstCell, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var where = $"{file}, line {i + 1}";
                Assert.True(cells.Length >= 3, $"{where} is not a 'Rule ID | Category | Severity | Notes' row: {text[i]}");
                lines.Add(new ReleaseLine(where, cells[0], cells[1], cells[2]));
            }
        }

        return lines;
    }

    private static IEnumerable<(string Name, string Value)> RuleIdConstants() =>
        typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, Value: (string)f.GetRawConstantValue()!))
            .Where(c => IdPattern().IsMatch(c.Value));

    private static bool IsTableLine(string line) => line.Contains('|', StringComparison.Ordinal);

    private static bool IsSeparator(string line) => line.All(c => c is '|' or '-' or ':' or ' ' or '\t');

    private static string[] Cells(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith('|'))
        {
            trimmed = trimmed[1..];
        }

        if (trimmed.EndsWith('|'))
        {
            trimmed = trimmed[..^1];
        }

        return trimmed.Split('|').Select(c => c.Trim()).ToArray();
    }

    private sealed record IndexRow(int Line, string Id, string Link, string Title, string Category, string Severity);

    private sealed record ReleaseLine(string Where, string Id, string Category, string Severity);
}
