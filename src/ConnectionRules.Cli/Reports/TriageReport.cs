using ConnectionRules.Cli.Export;

namespace ConnectionRules.Cli.Reports;

/// <summary>One person's request and its evaluation.</summary>
/// <param name="Item">The person, the request built for them, and where its parts came from.</param>
/// <param name="Evaluation">The engine's verdict and diagnostics.</param>
internal sealed record TriageResult(TriageItem Item, Evaluation Evaluation)
{
    /// <summary>Gets the person's name.</summary>
    public string Name => Item.Person.Name;

    /// <summary>Gets <c>connection</c> or <c>pendingInvitation</c>, as the JSON report writes it.</summary>
    public string Status => Item.Person.IsConnection ? "connection" : "pendingInvitation";

    /// <summary>Gets the diagnostics that count: not suppressed, not hidden.</summary>
    public IEnumerable<Diagnostic> Findings => Evaluation.Diagnostics.Where(d => !d.IsSuppressed && d.Severity > Severity.Hidden);

    /// <summary>Gets the worst severity that is not suppressed, or <see langword="null"/> when there is none.</summary>
    public Severity? WorstSeverity => Evaluation.Diagnostics.Where(d => !d.IsSuppressed).Select(d => (Severity?)d.Severity).Max();
}

/// <summary>Everything the output formats write: what was read, how it was judged, and what was skipped.</summary>
internal sealed class TriageReport
{
    public required string Export { get; init; }

    /// <summary>Gets a value indicating whether the export is the sample that ships with the tool.</summary>
    public bool IsSample { get; init; }

    public required ExportContent Content { get; init; }

    public required DateTimeOffset EvaluatedAt { get; init; }

    /// <summary>Gets the rules in effect, ordered by id.</summary>
    public required IReadOnlyList<RuleDescriptor> Rules { get; init; }

    /// <summary>Gets the effective severity of each rule in effect.</summary>
    public required IReadOnlyDictionary<string, Severity> Severities { get; init; }

    /// <summary>Gets every result, worst first: verdict, then worst severity, then name.</summary>
    public required IReadOnlyList<TriageResult> Results { get; init; }

    public required IReadOnlyList<ExportWarning> Warnings { get; init; }

    /// <summary>Gets the least verdict a person needs to be listed.</summary>
    public required Verdict MinVerdict { get; init; }

    /// <summary>Gets the results at or above <see cref="MinVerdict"/>, worst first.</summary>
    public IEnumerable<TriageResult> Listed => Results.Where(r => r.Evaluation.Verdict >= MinVerdict);

    /// <summary>Gets how many people got each verdict.</summary>
    public int Count(Verdict verdict) => Results.Count(r => r.Evaluation.Verdict == verdict);

    /// <summary>Orders results worst first; ties are broken by name, then id, so the order is stable.</summary>
    public static List<TriageResult> WorstFirst(IEnumerable<TriageResult> results) =>
        results
            .OrderByDescending(r => r.Evaluation.Verdict)
            .ThenByDescending(r => r.WorstSeverity ?? (Severity)(-1))
            .ThenByDescending(r => r.Findings.Count())
            .ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Item.Request.Id, StringComparer.Ordinal)
            .ToList();
}

/// <summary>The words the reports share.</summary>
internal static class ReportText
{
    /// <summary>Lower-case severity, as analyzers and the engine's explanations write it.</summary>
    public static string Of(Severity severity) => severity switch
    {
        Severity.Hidden => "hidden",
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => severity.ToString().ToLowerInvariant(),
    };

    /// <summary>Lower-case verdict, as the JSON report writes it.</summary>
    public static string Of(Verdict verdict) => verdict switch
    {
        Verdict.Accept => "accept",
        Verdict.Review => "review",
        Verdict.Decline => "decline",
        Verdict.Disconnect => "disconnect",
        _ => verdict.ToString().ToLowerInvariant(),
    };
}
