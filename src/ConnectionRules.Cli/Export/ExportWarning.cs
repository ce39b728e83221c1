namespace ConnectionRules.Cli.Export;

/// <summary>
/// Something in the export that was read around rather than used, such as a malformed row that was skipped: reported
/// on standard error and in the JSON and SARIF reports, never dropped silently.
/// </summary>
/// <param name="File">The file's name inside the export.</param>
/// <param name="Label">How the file is named to the user.</param>
/// <param name="Line">The 1-based line, or 0 when the warning is about the whole file.</param>
/// <param name="Message">What was wrong and what was done about it.</param>
internal sealed record ExportWarning(string File, string Label, long Line, string Message)
{
    /// <summary>Returns the warning as one line: file, line, message.</summary>
    public override string ToString() => Line > 0 ? $"{Label}, line {Line}: {Message}" : $"{Label}: {Message}";
}
