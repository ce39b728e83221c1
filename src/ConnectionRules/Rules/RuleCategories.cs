namespace ConnectionRules;

/// <summary>The categories of the built-in rules, for <see cref="RuleEngineBuilder.SetCategorySeverity"/>.</summary>
public static class RuleCategories
{
    /// <summary>The engine's own diagnostics: rule failures and inconsistent input.</summary>
    public const string Engine = "Engine";

    /// <summary>Judging a pending request before it is answered.</summary>
    public const string Request = "Request";

    /// <summary>How the sender behaves once connected.</summary>
    public const string Conduct = "Conduct";

    /// <summary>Whether the sender's profile and network are genuine.</summary>
    public const string Authenticity = "Authenticity";
}
