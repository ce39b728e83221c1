namespace ConnectionRules.SampleCrm.Contracts;

/// <summary>The answer to <c>POST /connection-requests/evaluate</c>: the verdict and the diagnostics that explain it.</summary>
/// <param name="RequestId">The <c>id</c> of the posted request.</param>
/// <param name="Verdict"><c>accept</c>, <c>review</c>, <c>decline</c> or <c>disconnect</c>.</param>
/// <param name="Diagnostics">Worst first; suppressed ones included, marked.</param>
internal sealed record EvaluationResponse(string RequestId, Verdict Verdict, IReadOnlyList<DiagnosticResponse> Diagnostics)
{
    public static EvaluationResponse From(Evaluation evaluation) =>
        new(evaluation.RequestId, evaluation.Verdict, [.. evaluation.Diagnostics.Select(DiagnosticResponse.From)]);
}

/// <summary>One diagnostic, flattened: the descriptor contributes its title and help link, nothing else.</summary>
/// <param name="Id">The rule id, e.g. <c>CR2001</c>.</param>
/// <param name="Title">The rule's title.</param>
/// <param name="Severity">The effective severity, after configuration.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Location">A path into the posted request (<c>note</c>, <c>messages[0]</c>), or null.</param>
/// <param name="IsSuppressed">Whether a suppression set it aside: shown, but not counted in the verdict.</param>
/// <param name="Justification">The suppression's justification, or null.</param>
/// <param name="HelpLink">The rule's documentation page, or null.</param>
internal sealed record DiagnosticResponse(
    string Id,
    string Title,
    Severity Severity,
    string Message,
    string? Location,
    bool IsSuppressed,
    string? Justification,
    string? HelpLink)
{
    public static DiagnosticResponse From(Diagnostic diagnostic) => new(
        diagnostic.Id,
        diagnostic.Descriptor.Title,
        diagnostic.Severity,
        diagnostic.Message,
        diagnostic.Location,
        diagnostic.IsSuppressed,
        diagnostic.Justification,
        diagnostic.Descriptor.HelpLinkUri);
}
