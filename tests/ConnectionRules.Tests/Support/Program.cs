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
        var (exitCode, output, errors) = RunToEnd(program, args);
        Assert.True(exitCode == 0, $"The program exited with {exitCode}: {errors}");
        return output;
    }

    /// <summary>Runs a program to its end, whatever its exit code, capturing what it writes to both streams.</summary>
    public static (int ExitCode, string Output, string Errors) RunToEnd(Assembly program, string[] args)
    {
        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Console.SetOut(output);
        Console.SetError(errors);
        try
        {
            var entryPoint = program.EntryPoint!;
            var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [args]);
            var exitCode = result switch
            {
                Task<int> task => task.GetAwaiter().GetResult(),
                int code => code,
                _ => 0,
            };
            return (exitCode, output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
