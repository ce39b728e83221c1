namespace ConnectionRules;

/// <summary>
/// Gives the <see cref="RuleEngine"/> in effect now, registered by <c>AddConnectionRules</c> next to <see cref="IRuleEngine"/>.
/// </summary>
/// <remarks>
/// <para>
/// The container's <see cref="IRuleEngine"/> forwards each call to the engine in effect at that moment, so two calls
/// (<see cref="IRuleEngine.Rules"/>, then <see cref="IRuleEngine.GetSeverity"/>) may read two engines when the
/// configuration reloads in between: a rule listed by the first may be off in the second. Read <see cref="Current"/>
/// once and ask that immutable engine everything, to get answers that belong together.
/// </para>
/// <para>
/// Do not keep the engine beyond the work at hand, since a reload replaces it. Evaluating through it or through
/// <see cref="IRuleEngine"/> logs rule failures alike: every engine the container builds has the handler that logs them.
/// </para>
/// </remarks>
public interface IRuleEngineAccessor
{
    /// <summary>Gets the engine in effect now: an immutable snapshot that a later reload does not change.</summary>
    /// <exception cref="RuleEngineBuildException">The first engine does not build; lists every problem.</exception>
    RuleEngine Current { get; }
}
