namespace ConnectionRules.Cli;

/// <summary>The <c>connection-rules</c> tool.</summary>
internal static class Program
{
    /// <summary>Runs the tool on the process's console.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>0 on success, 2 on unusable input or a bad command line, 1 on an unexpected failure.</returns>
    public static Task<int> Main(string[] args) => TriageCommand.RunAsync(args, CliContext.ForConsole());
}
