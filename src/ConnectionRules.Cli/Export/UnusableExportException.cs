namespace ConnectionRules.Cli.Export;

/// <summary>
/// The export cannot be triaged as it is: a missing required column, an unparsable date, a file that is not a LinkedIn
/// export. The message is one line that names the file and, when there is one, the line, and says how to fix it.
/// </summary>
internal sealed class UnusableExportException : Exception
{
    public UnusableExportException(string file, long? line, string problem)
        : base(line is { } number ? $"{file}, line {number}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
    }

    public UnusableExportException()
    {
        File = "";
    }

    public UnusableExportException(string message)
        : base(message)
    {
        File = "";
    }

    public UnusableExportException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "";
    }

    /// <summary>Gets how the file is named to the user.</summary>
    public string File { get; }

    /// <summary>Gets the 1-based line of the file, when the problem is on one.</summary>
    public long? Line { get; }
}
