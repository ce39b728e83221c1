namespace ConnectionRules.Cli;

/// <summary>
/// What the tool runs against: its output and error writers, its clock, whether a person is watching the terminal, and
/// where the sample export is. The process passes the real console; tests pass writers and a fixed clock.
/// </summary>
internal sealed class CliContext
{
    /// <summary>Gets standard output.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Gets standard error: warnings and errors.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Gets the clock the engine judges with, unless <c>--now</c> fixes it.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Gets a value indicating whether standard output is a terminal a person watches: colours and progress only then.</summary>
    public bool Interactive { get; init; }

    /// <summary>Gets the terminal's width when <see cref="Interactive"/>; reports written elsewhere are this wide.</summary>
    public int Width { get; init; } = 120;

    /// <summary>Gets a way to write bytes to standard output directly, or <see langword="null"/> to go through <see cref="Out"/>.</summary>
    public Func<Stream>? OpenStandardOutput { get; init; }

    /// <summary>Gets the folder of the sample export that ships with the tool.</summary>
    public string SampleExport { get; init; } = Path.Combine(AppContext.BaseDirectory, "SampleExport");

    /// <summary>Gets the context of this process: the real console.</summary>
    public static CliContext ForConsole()
    {
        var interactive = !Console.IsOutputRedirected;
        return new CliContext
        {
            Out = Console.Out,
            Error = Console.Error,
            Interactive = interactive,
            Width = interactive && Console.WindowWidth > 0 ? Console.WindowWidth : 120,
            OpenStandardOutput = Console.OpenStandardOutput,
        };
    }
}
