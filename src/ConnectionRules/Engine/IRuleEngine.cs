namespace ConnectionRules;

/// <summary>Evaluates connection requests against a fixed set of rules. Implementations are thread-safe.</summary>
public interface IRuleEngine
{
    /// <summary>Gets the descriptors of the rules in effect (enabled), ordered by id.</summary>
    IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>Returns the effective severity of a rule in effect, after configuration; ids are compared case-insensitively.</summary>
    /// <param name="ruleId">The id of one of the <see cref="Rules"/>.</param>
    /// <returns>The severity its diagnostics get.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No rule with that id is in effect.</exception>
    Severity GetSeverity(string ruleId);

    /// <summary>Evaluates one request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The verdict and the diagnostics that explain it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request lacks a required member (the message names it).</exception>
    Evaluation Evaluate(ConnectionRequest request);
}
