using ConnectionRules.Integration.Tests.Support;

namespace ConnectionRules.Integration.Tests.Docs;

/// <summary>The guides' C# examples compile against the packages, and the programs print what the guides show.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DocumentationExampleTests
{
    public static readonly string[] Guides = ["docs/getting-started.md", "docs/configuration.md", "docs/custom-rules.md"];

    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var guide in Guides)
        {
            foreach (var (program, _) in DocExamples.Programs(guide))
            {
                data.Add(guide, program.Line);
            }
        }

        return data;
    }

    public static TheoryData<string> GuideNames => new(Guides);

    [Theory]
    [MemberData(nameof(GuideNames))]
    public void Every_csharp_block_of_a_guide_is_compiled(string guide)
    {
        var blocks = DocExamples.Blocks(guide);

        Assert.NotEmpty(blocks);
        Assert.All(blocks, block => Assert.True(block.IsTypes || block.IsProgram, $"{block}: a C# block needs a <!-- compiled: ... --> comment right before it."));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_example_compiles_and_prints_what_the_guide_shows(string guide, int line)
    {
        var (program, types) = DocExamples.Programs(guide).Single(p => p.Program.Line == line);

        var assembly = DocExamples.Compile(program, types);

        if (program.Runs)
        {
            var output = DocExamples.Run(assembly);
            if (program.ExpectedOutput is { } expected)
            {
                Assert.Equal(Normalize(expected), Normalize(output));
            }
        }
    }

    // Trailing white space is invisible in a guide (a log template ending in ": {Errors}" leaves one).
    private static string Normalize(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd().Split('\n').Select(line => line.TrimEnd()));
}
