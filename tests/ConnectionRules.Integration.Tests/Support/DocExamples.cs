using System.Reflection;
using System.Text.RegularExpressions;
using ConnectionRules.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ConnectionRules.Integration.Tests.Support;

/// <summary>
/// The C# examples of a doc. A C# fence is compiled when an HTML comment right before it says how:
/// <list type="bullet">
/// <item><c>&lt;!-- compiled: types, with the next program --&gt;</c>: declarations only, compiled with the next program of the page;</item>
/// <item><c>&lt;!-- compiled: program; prints the text block below --&gt;</c>: compiled, run, and its output must equal the next <c>text</c> fence;</item>
/// <item><c>&lt;!-- compiled: program --&gt;</c>: compiled and run; <c>not run</c> in the comment compiles only (a program that serves HTTP);</item>
/// <item><c>web</c> in the comment: compiled with the implicit usings of a <c>Microsoft.NET.Sdk.Web</c> project.</item>
/// </list>
/// </summary>
public static partial class DocExamples
{
    private const string ConsoleUsings =
        "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
        "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    private const string WebUsings = ConsoleUsings +
        " global using Microsoft.AspNetCore.Builder; global using Microsoft.AspNetCore.Hosting; global using Microsoft.AspNetCore.Http;" +
        " global using Microsoft.AspNetCore.Routing; global using Microsoft.Extensions.Configuration; global using Microsoft.Extensions.DependencyInjection;" +
        " global using Microsoft.Extensions.Hosting; global using Microsoft.Extensions.Logging;";

    // The sample service and the tests define types (Program) an example must not see.
    private static readonly string[] NotReferenced = ["ConnectionRules.SampleCrm.dll", "ConnectionRules.Integration.Tests.dll"];

    // What every SDK project suppresses: a package built against an older Microsoft.Extensions, unified with the newer one.
    private static readonly Dictionary<string, ReportDiagnostic> SdkSuppressions = new()
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(RuleEngine).Assembly.Location)
            .Append(typeof(RuleEngineBuilderConfigurationExtensions).Assembly.Location)
            .Where(path => !NotReferenced.Contains(Path.GetFileName(path)))
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path))]);

    /// <summary>Every C# fence of a doc, with the comment before it (empty when there is none) and its 1-based line.</summary>
    public static IReadOnlyList<Block> Blocks(string document)
    {
        var text = File.ReadAllText(Repository.PathOf(document.Split('/'))).Replace("\r\n", "\n", StringComparison.Ordinal);
        var blocks = new List<Block>();
        foreach (Match fence in Markdown.Fence().Matches(text))
        {
            if (!text.AsSpan(fence.Index).StartsWith("```csharp\n", StringComparison.Ordinal))
            {
                continue;
            }

            var before = text[..fence.Index].TrimEnd();
            var marker = MarkerAtEnd().Match(before) is { Success: true } m ? m.Groups["marker"].Value : "";
            string? output = null;
            if (marker.Contains("prints the text block below", StringComparison.Ordinal))
            {
                var next = Markdown.Fence().Match(text, fence.Index + fence.Length);
                Assert.True(next.Success && text.AsSpan(next.Index).StartsWith("```text\n", StringComparison.Ordinal), $"{document}: the example before line {LineOf(text, next.Index)} promises a text block below it.");
                output = next.Groups["code"].Value;
            }

            blocks.Add(new Block(document, LineOf(text, fence.Index), marker, fence.Groups["code"].Value, output));
        }

        return blocks;
    }

    /// <summary>The programs of a doc, each with the type blocks before it that it is compiled with.</summary>
    public static IReadOnlyList<(Block Program, IReadOnlyList<Block> Types)> Programs(string document)
    {
        var programs = new List<(Block, IReadOnlyList<Block>)>();
        var types = new List<Block>();
        foreach (var block in Blocks(document))
        {
            if (block.IsTypes)
            {
                types.Add(block);
            }
            else if (block.IsProgram)
            {
                programs.Add((block, types));
                types = [];
            }
        }

        Assert.True(types.Count == 0, $"{document}: the type block at line {types.FirstOrDefault()?.Line} has no program after it to be compiled with.");
        return programs;
    }

    /// <summary>Compiles a program and the type blocks that go with it; any warning fails, as in the repository's builds.</summary>
    public static Assembly Compile(Block program, IEnumerable<Block> types)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = types.Append(program)
            .Select(block => CSharpSyntaxTree.ParseText(block.Code, parse, path: $"{block.Document}:{block.Line}"))
            .Prepend(CSharpSyntaxTree.ParseText(program.IsWeb ? WebUsings : ConsoleUsings, parse));
        var compilation = CSharpCompilation.Create(
            $"DocExample_{Path.GetFileNameWithoutExtension(program.Document).Replace('-', '_')}_{program.Line}",
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(SdkSuppressions));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(result.Success && problems.Count == 0, $"The example at {program} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        return Assembly.Load(stream.ToArray());
    }

    /// <summary>Runs a compiled program and returns what it wrote to the console.</summary>
    public static string Run(Assembly program)
    {
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var entryPoint = program.EntryPoint!;
            var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [Array.Empty<string>()]);
            switch (result)
            {
                case Task<int> exitCode:
                    Assert.Equal(0, exitCode.GetAwaiter().GetResult());
                    break;
                case Task task:
                    task.GetAwaiter().GetResult();
                    break;
                case int exitCode:
                    Assert.Equal(0, exitCode);
                    break;
            }
        }
        finally
        {
            Console.SetOut(original);
        }

        return output.ToString();
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex(@"<!-- compiled: (?<marker>[^\n]*?) -->$")]
    private static partial Regex MarkerAtEnd();

    /// <summary>One C# fence of a doc.</summary>
    public sealed record Block(string Document, int Line, string Marker, string Code, string? ExpectedOutput)
    {
        public bool IsTypes => Marker.StartsWith("types", StringComparison.Ordinal);

        public bool IsProgram => Marker.Contains("program", StringComparison.Ordinal) && !IsTypes;

        public bool IsWeb => Marker.Contains("web", StringComparison.Ordinal);

        public bool Runs => IsProgram && !Marker.Contains("not run", StringComparison.Ordinal);

        public override string ToString() => $"{Document}:{Line}";
    }
}
