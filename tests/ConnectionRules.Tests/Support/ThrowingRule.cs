namespace ConnectionRules.Tests.Support;

/// <summary>A custom rule that throws the exception it is given, when <c>when</c> holds (always by default).</summary>
public sealed class ThrowingRule(string id, Func<Exception> exception, Func<ConnectionRequest, bool>? when = null) : ConnectionRule
{
    /// <inheritdoc />
    public override RuleDescriptor Descriptor { get; } = new(id, "Throws", "Never formatted", "Testing", Severity.Warning);

    /// <inheritdoc />
    public override void Evaluate(RuleContext context)
    {
        if (when?.Invoke(context.Request) ?? true)
        {
            throw exception();
        }
    }
}
