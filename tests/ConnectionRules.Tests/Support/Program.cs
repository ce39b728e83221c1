using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ConnectionRules.Tests.Support;

/// <summary>Compiles C# from the docs as a console program against the library, and runs programs capturing their output.</summary>
public static class Program
{
    public static Assembly Compile(string code, string usings = "")
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(RuleEngine).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "DocsExample",
            [
                // What a new console project's implicit usings give the example.
                CSharpSyntaxTree.ParseText("global using System; global using System.Linq; global using System.Collections.Generic;" + usings),
                CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest)),
            ],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(result.Success && problems.Count == 0, string.Join(Environment.NewLine, problems));
        return Assembly.Load(stream.ToArray());
    }

    public static string Run(Assembly program, string[] args)
    {
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var entryPoint = program.EntryPoint!;
            var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [args]);
            if (result is Task<int> task)
            {
                Assert.Equal(0, task.GetAwaiter().GetResult());
            }
        }
        finally
        {
            Console.SetOut(original);
        }

        return output.ToString();
    }
}
