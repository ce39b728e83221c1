namespace ConnectionRules;

/// <summary>
/// A rule, or one of its suppressions, threw while the engine evaluated a request: what the handlers added with
/// <see cref="RuleEngineBuilder.OnRuleFailure"/> receive, with the exception and its stack trace, whether CR0001 is
/// enabled or not. The evaluation itself goes on without the rule, as CR0001 explains.
/// </summary>
public sealed class RuleFailure
{
    internal RuleFailure(string ruleId, string requestId, string? suppression, Exception exception)
    {
        RuleId = ruleId;
        RequestId = requestId;
        Suppression = suppression;
        Exception = exception;
    }

    /// <summary>Gets the id of the rule that threw, or whose suppression threw.</summary>
    public string RuleId { get; }

    /// <summary>Gets the id of the request being evaluated (<see cref="ConnectionRequest.Id"/>).</summary>
    public string RequestId { get; }

    /// <summary>
    /// Gets the justification of the suppression whose predicate threw, or <see langword="null"/> when the rule itself
    /// threw. A failing suppression suppresses nothing: the rule's finding stands.
    /// </summary>
    public string? Suppression { get; }

    /// <summary>Gets what was thrown, with its stack trace.</summary>
    public Exception Exception { get; }

    /// <summary>The failure in the words of CR0001's message: <c>Rule ACME001 threw InvalidOperationException: boom</c>.</summary>
    /// <returns>The failure in one line, without the stack trace.</returns>
    public override string ToString() => RuleFailureRule.Rule.FormatMessage(MessageArgs);

    /// <summary>
    /// The arguments of CR0001's message: the rule, or the rule and its suppression; the exception's type; its message.
    /// The diagnostic and <see cref="ToString"/> both take them from here, so they cannot drift apart.
    /// </summary>
    internal object?[] MessageArgs =>
        [Suppression is null ? RuleId : $"{RuleId} (suppression \"{Suppression}\")", Exception.GetType().Name, Exception.Message];
}
