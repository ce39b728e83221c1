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

    /// <summary>
    /// Gets why the configuration as it now stands is not in effect: the error of the last reload, which left the engine
    /// before it in <see cref="Current"/>. A <see cref="RuleEngineBuildException"/> lists every problem of an edit that
    /// does not build; any other exception is what composing the engine threw, and the next reload signal tries again.
    /// Null while <see cref="Current"/> is built from the configuration as it now stands, that is, until a reload fails
    /// and again once one succeeds. A health check can report it; the log has each failure too.
    /// </summary>
    /// <remarks>Implementations that do not reload need not implement it: by default it is null.</remarks>
    Exception? ReloadError => null;
}
