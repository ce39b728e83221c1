namespace ConnectionRules;

/// <summary>
/// How serious a diagnostic is. The values are ordered, so the worst of several severities is their maximum.
/// </summary>
public enum Severity
{
    /// <summary>Recorded but not shown to users by default; never changes the verdict (analyzer word: <c>silent</c>).</summary>
    Hidden = 0,

    /// <summary>Worth knowing; does not change the verdict (analyzer word: <c>suggestion</c>).</summary>
    Info = 1,

    /// <summary>A person should look at it: the default verdict becomes <see cref="Verdict.Review"/>.</summary>
    Warning = 2,

    /// <summary>Disqualifying: the default verdict becomes <see cref="Verdict.Decline"/> or <see cref="Verdict.Disconnect"/>.</summary>
    Error = 3,
}
