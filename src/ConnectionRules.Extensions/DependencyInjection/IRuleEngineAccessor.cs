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
    /// Gets why the configuration, as <c>IConfiguration</c> now presents it, is not in effect: the error of the last
    /// reload, which left the engine before it in <see cref="Current"/>. A <see cref="RuleEngineBuildException"/> lists
    /// every problem of an edit that does not build, and that content is not tried again until it changes; any other
    /// exception is what composing the engine threw, and the next change of any configuration source tries again. Null
    /// while <see cref="Current"/> is built from the configuration as it now stands: until a reload fails, and again
    /// once one builds or the edit is undone. A health check can report it; the log has each failure too.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Read it and <see cref="Current"/> as two reads: a reload may come between them. The exception is shared; wrap it
    /// rather than throw it again, which would overwrite its stack trace.
    /// </para>
    /// <para>
    /// Implementations that do not reload need not implement it: by default it is null. A decorator of this interface
    /// must forward it, or its callers always read null. Mocking libraries do not all run a default implementation
    /// (FakeItEasy's fakes return a fake exception), so a fake of this interface should set it.
    /// </para>
    /// </remarks>
    Exception? ReloadError => null;
}
