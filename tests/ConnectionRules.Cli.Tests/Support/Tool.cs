using ConnectionRules.Tests.Support;

namespace ConnectionRules.Cli.Tests.Support;

/// <summary>What a run of the tool did: its exit code and what it wrote.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs the real command line in-process, with captured output and a fixed clock.</summary>
public static class Tool
{
    /// <summary>The instant the tests judge as of: the sample export's invitations are from the days before.</summary>
    public static readonly DateTimeOffset Now = new(2025, 10, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Gets the sample export as built beside the tool.</summary>
    public static string SampleExport { get; } = Path.Combine(AppContext.BaseDirectory, "SampleExport");

    public static CliRun Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext { Out = output, Error = error, Time = new FixedTimeProvider(Now), Interactive = false, Width = 120, SampleExport = SampleExport };
        var exitCode = TriageCommand.RunAsync(args, context).GetAwaiter().GetResult();
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
