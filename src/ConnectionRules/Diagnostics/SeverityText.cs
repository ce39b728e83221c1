namespace ConnectionRules;

/// <summary>Lower-case severity words for explanations, without allocating.</summary>
internal static class SeverityText
{
    public static string Of(Severity severity) => severity switch
    {
        Severity.Hidden => "hidden",
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => severity.ToString(),
    };
}
