using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;

namespace ConnectionRules;

/// <summary>
/// The <see cref="IRuleEngine"/> of the container: holds the current <see cref="RuleEngine"/> and swaps it atomically
/// for a new one when the configuration sections change. A reload that does not build keeps the last good engine and
/// is logged, never thrown into the host. Logs every rule failure with its exception, whether CR0001 is enabled or not.
/// </summary>
internal sealed class ReloadingRuleEngine : IRuleEngine, IRuleEngineAccessor, IDisposable
{
    private readonly ConnectionRulesSetup _setup;
    private readonly ConnectionRule[] _containerRules;
    private readonly IPitchDetector? _pitchDetector;
    private readonly TimeProvider? _timeProvider;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly HashSet<string> _missing = new(StringComparer.OrdinalIgnoreCase);
    private RuleEngine _current;
    private Exception? _reloadError;

    // The content of the sections that _current was built from, and the content a reload last tried (the same, unless
    // that reload was rejected): what a reload signal compares the sections' content with now.
    private string _inEffect;
    private string _attempted;
    private bool _disposed;

    /// <exception cref="RuleEngineBuildException">The first engine does not build; lists every problem.</exception>
    public ReloadingRuleEngine(
        ConnectionRulesSetup setup,
        IEnumerable<ConnectionRule> containerRules,
        IPitchDetector? pitchDetector,
        TimeProvider? timeProvider,
        ILoggerFactory? loggerFactory)
    {
        _setup = setup;
        _containerRules = [.. containerRules];
        _pitchDetector = pitchDetector;
        _timeProvider = timeProvider;
        _logger = loggerFactory?.CreateLogger(Log.Category) ?? NullLogger.Instance;
        _inEffect = _attempted = Snapshot();
        _current = Build();
        WarnOfMissingSections();
        foreach (var section in _setup.Sections)
        {
            _subscriptions.Add(ChangeToken.OnChange(section.GetReloadToken, Reload));
        }

        // A change between the first read and the subscriptions would otherwise go unnoticed.
        Reload();
    }

    /// <inheritdoc />
    public RuleEngine Current => Volatile.Read(ref _current);

    /// <inheritdoc />
    public Exception? ReloadError => Volatile.Read(ref _reloadError);

    /// <inheritdoc />
    public IReadOnlyList<RuleDescriptor> Rules => Current.Rules;

    /// <inheritdoc />
    public Severity GetSeverity(string ruleId) => Current.GetSeverity(ruleId);

    /// <inheritdoc />
    public Evaluation Evaluate(ConnectionRequest request) => Current.Evaluate(request);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }
    }

    /// <summary>
    /// A misspelt name gives an empty section, which builds: say so rather than run on defaults unnoticed, at start-up
    /// and when a reload renames or removes the section (or the file that held it).
    /// </summary>
    private void WarnOfMissingSections()
    {
        foreach (var section in _setup.Sections)
        {
            if (section is not IConfigurationSection { } named)
            {
                continue;
            }

            // Once per disappearance: a reload of another section must not repeat it.
            if (named.Exists())
            {
                _missing.Remove(named.Path);
            }
            else if (_missing.Add(named.Path))
            {
                Log.SectionMissing(_logger, named.Path);
            }
        }
    }

    /// <summary>
    /// Rebuilds when the sections' content changed since the last attempt; runs on the configuration's reload thread,
    /// into which nothing is thrown. <see cref="ReloadError"/> is null exactly when the content is the one in effect.
    /// </summary>
    private void Reload()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            string snapshot;
            RuleEngine engine;
            try
            {
                // A file watcher often fires twice per save, and the root's token fires for every other section too.
                snapshot = Snapshot();
                if (string.Equals(snapshot, _inEffect, StringComparison.Ordinal))
                {
                    // Back to the content in effect, after an edit that failed: nothing is pending any more.
                    _attempted = snapshot;
                    Volatile.Write(ref _reloadError, null);
                    return;
                }

                if (string.Equals(snapshot, _attempted, StringComparison.Ordinal))
                {
                    return;
                }

                _attempted = snapshot;
                engine = Build();
            }
            catch (RuleEngineBuildException exception)
            {
                // The same content would be rejected again, so it is not retried until it changes.
                Volatile.Write(ref _reloadError, exception);
                Logged(() => Log.ReloadRejected(_logger, string.Concat(exception.Errors.Select(e => $"{Environment.NewLine}- {e}"))));
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The last good engine stays. The failure may be passing (a configure action reading a file being
                // written), so the next reload signal, of any source, tries this content again.
                _attempted = _inEffect;
                Volatile.Write(ref _reloadError, exception);
                Logged(() => Log.ReloadFailed(_logger, exception));
                return;
            }

            _inEffect = snapshot;
            Volatile.Write(ref _current, engine);
            Volatile.Write(ref _reloadError, null);
            Logged(() =>
            {
                Log.ConfigurationReloaded(_logger, engine.Rules.Count);
                WarnOfMissingSections();
            });
        }
    }

    /// <summary>
    /// Logs from the reload thread: a logger that throws must neither reach the host's thread nor make a reload that
    /// took effect look failed, and there is nowhere else to report it.
    /// </summary>
    private static void Logged(Action log)
    {
        try
        {
            log();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Nothing to do: the state above is already what it should be.
        }
    }

    /// <summary>
    /// Composes an engine: recommended rules, the code's configure actions, the container's rules, its pitch detector
    /// and clock, then the configuration sections, last, so that administrators have the last word.
    /// </summary>
    private RuleEngine Build()
    {
        var builder = new RuleEngineBuilder().AddRecommendedRules().OnRuleFailure(LogFailure);
        foreach (var configure in _setup.Configure)
        {
            configure(builder);
        }

        foreach (var rule in _containerRules)
        {
            builder.AddRule(rule);
        }

        if (_pitchDetector is not null)
        {
            builder.UsePitchDetector(_pitchDetector);
        }

        if (_timeProvider is not null)
        {
            builder.UseTimeProvider(_timeProvider);
        }

        var errors = new List<string>();
        var edits = new List<Action<RuleEngineBuilder>>();
        foreach (var section in _setup.Sections)
        {
            edits.AddRange(RuleEngineConfigurationReader.Read(builder, section, errors));
        }

        if (errors.Count == 0)
        {
            foreach (var edit in edits)
            {
                edit(builder);
            }

            return builder.Build();
        }

        // One report for everything: the code's own problems as well as the configuration's.
        try
        {
            builder.Build();
        }
        catch (RuleEngineBuildException exception)
        {
            errors.AddRange(exception.Errors);
        }

        // The same section passed twice (GetSection returns a new instance each time) must not report each problem twice.
        throw new RuleEngineBuildException(errors.Distinct(StringComparer.Ordinal));
    }

    // With its exception, so that the log has the stack trace; also when CR0001 is disabled. The text keeps the
    // property name Diagnostic that log queries know: it is the CR0001 message, whether or not CR0001 reports it.
    private void LogFailure(RuleFailure failure) => Log.RuleFailed(_logger, failure.RuleId, failure.RequestId, failure.ToString(), failure.Exception);

    /// <summary>Every key path and value under the sections, to tell a real change from a reload that changed nothing here.</summary>
    private string Snapshot()
    {
        var text = new StringBuilder();
        foreach (var section in _setup.Sections)
        {
            Append(text, section);
        }

        return text.ToString();

        static void Append(StringBuilder text, IConfiguration configuration)
        {
            foreach (var child in configuration.GetChildren())
            {
                text.Append(child.Path).Append('\0').Append(child.Value ?? "\u0001").Append('\0');
                Append(text, child);
            }
        }
    }
}
