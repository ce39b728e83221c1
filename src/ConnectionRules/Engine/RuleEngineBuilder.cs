using System.Reflection;

namespace ConnectionRules;

/// <summary>
/// Builds a <see cref="RuleEngine"/>: which rules, their severities, suppressions, options, pitch detector, clock and
/// verdict policy. Mutable and single-use; <see cref="Build"/> validates everything at once and reports every problem
/// in one <see cref="RuleEngineBuildException"/>.
/// </summary>
/// <remarks>
/// The engine's own rules CR0001 (a rule threw) and CR0002 (inconsistent request data) are always present;
/// configure or disable them like any other rule.
/// </remarks>
public sealed class RuleEngineBuilder
{
    private readonly List<Func<List<string>, ConnectionRule?>> _rules = [];
    private readonly HashSet<string> _ruleIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _categories = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RuleSetting> _ruleSettings = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RuleSetting> _categorySettings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Suppression> _suppressions = [];
    private readonly RuleEngineOptions _options = new();
    private IPitchDetector _pitchDetector = DefaultPitchDetector.Instance;
    private TimeProvider _timeProvider = TimeProvider.System;
    private IVerdictPolicy _verdictPolicy = DefaultVerdictPolicy.Instance;
    private Action<RuleFailure>? _onRuleFailure;
    private bool _hasRecommendedRules;
    private bool _built;

    /// <summary>Initializes a builder with only the engine's own rules, CR0001 and CR0002.</summary>
    public RuleEngineBuilder()
    {
        foreach (var rule in RecommendedRules.EngineRules())
        {
            Add(rule);
        }
    }

    /// <summary>Returns whether a rule added so far has this id; configuration layers use it to name the key of an unknown id.</summary>
    /// <param name="ruleId">The rule id (case-insensitive).</param>
    /// <returns><see langword="true"/> when a rule with that id has been added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/> is null.</exception>
    public bool HasRule(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        return _ruleIds.Contains(ruleId);
    }

    /// <summary>
    /// Returns the ids of the rules added so far: the engine's own (CR0001, CR0002), the recommended ones once added,
    /// and the application's. Configuration layers use it to list them, and to suggest the id a mistyped one meant.
    /// </summary>
    /// <returns>A new list of the ids, sorted ordinally (so "ACME001" comes before "CR0001").</returns>
    public IReadOnlyList<string> GetRuleIds() => [.. _ruleIds.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Returns the categories of the rules added so far: the engine's own (Engine), the recommended ones once added, and
    /// the application's. Configuration layers use it to list them, and to suggest the category a mistyped one meant.
    /// </summary>
    /// <returns>A new list of the categories, each as first written, sorted ordinally.</returns>
    public IReadOnlyList<string> GetCategories() => [.. _categories.Order(StringComparer.Ordinal)];

    /// <summary>Returns whether a rule added so far belongs to this category.</summary>
    /// <param name="category">The category (case-insensitive).</param>
    /// <returns><see langword="true"/> when a rule in that category has been added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="category"/> is null.</exception>
    public bool HasCategory(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return _categories.Contains(category);
    }

    /// <summary>Adds the recommended rules (CR1001 to CR3003). Calling it again has no further effect.</summary>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public RuleEngineBuilder AddRecommendedRules()
    {
        ThrowIfBuilt();
        if (!_hasRecommendedRules)
        {
            _hasRecommendedRules = true;
            foreach (var rule in RecommendedRules.Catalogue())
            {
                Add(rule);
            }
        }

        return this;
    }

    /// <summary>Adds a rule written as a class.</summary>
    /// <param name="rule">The rule; it is shared by all evaluations, so it must be thread-safe.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public RuleEngineBuilder AddRule(ConnectionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ThrowIfBuilt();
        Add(rule);
        return this;
    }

    /// <summary>Adds a rule described fluently: title, message, category, severity and the predicate that makes it report.</summary>
    /// <param name="id">The rule id, such as <c>ACME001</c>; a malformed id is reported by <see cref="Build"/>.</param>
    /// <param name="configure">Describes the rule.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public RuleEngineBuilder AddRule(string id, Action<FluentRuleBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(configure);
        ThrowIfBuilt();
        var rule = new FluentRuleBuilder(id);
        configure(rule);
        _rules.Add(rule.TryBuild);
        _ruleIds.Add(rule.Id);
        _categories.Add(rule.Category);
        return this;
    }

    /// <summary>Sets a rule's severity; this beats any category setting, and enables a rule that is disabled by default.</summary>
    /// <param name="ruleId">The rule id (case-insensitive).</param>
    /// <param name="severity">The severity its diagnostics get.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public RuleEngineBuilder SetSeverity(string ruleId, Severity severity) => SetRule(ruleId, RuleSetting.Of(severity));

    /// <summary>Turns a rule off (the analyzer word <c>none</c>); this beats any category setting.</summary>
    /// <param name="ruleId">The rule id (case-insensitive).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public RuleEngineBuilder Disable(string ruleId) => SetRule(ruleId, RuleSetting.Disabled);

    /// <summary>Turns a rule on at its default severity, including a rule that is disabled by default; this beats any category setting.</summary>
    /// <param name="ruleId">The rule id (case-insensitive).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public RuleEngineBuilder Enable(string ruleId) => SetRule(ruleId, RuleSetting.Enabled);

    /// <summary>Gives a rule back its descriptor's defaults (the analyzer word <c>default</c>); this beats any category setting.</summary>
    /// <param name="ruleId">The rule id (case-insensitive).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public RuleEngineBuilder ResetSeverity(string ruleId) => SetRule(ruleId, RuleSetting.Default);

    /// <summary>Sets the severity of every rule in a category that has no rule-level setting.</summary>
    /// <param name="category">The category (case-insensitive), e.g. <see cref="RuleCategories.Authenticity"/>.</param>
    /// <param name="severity">The severity.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="category"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public RuleEngineBuilder SetCategorySeverity(string category, Severity severity) => SetCategory(category, RuleSetting.Of(severity));

    /// <summary>Turns off every rule in a category that has no rule-level setting.</summary>
    /// <param name="category">The category (case-insensitive).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="category"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public RuleEngineBuilder DisableCategory(string category) => SetCategory(category, RuleSetting.Disabled);

    /// <summary>
    /// Removes a category-level setting made earlier (the analyzer word <c>default</c> on a category): each rule of the
    /// category gets its descriptor's severity again, unless a rule-level setting says otherwise.
    /// </summary>
    /// <param name="category">The category (case-insensitive).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="category"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public RuleEngineBuilder ResetCategorySeverity(string category) => SetCategory(category, RuleSetting.Default);

    /// <summary>
    /// Suppresses a rule's diagnostics on the requests where <paramref name="when"/> holds: they stay visible, marked
    /// suppressed with the justification, and no longer drive the verdict.
    /// </summary>
    /// <param name="ruleId">The rule id (case-insensitive).</param>
    /// <param name="when">Where the suppression applies.</param>
    /// <param name="justification">Why, shown with the diagnostic.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/> or <paramref name="when"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="justification"/> is null or blank.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public RuleEngineBuilder Suppress(string ruleId, RequestPredicate when, string justification)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        ArgumentNullException.ThrowIfNull(when);
        ArgumentException.ThrowIfNullOrWhiteSpace(justification);
        ThrowIfBuilt();
        _suppressions.Add(new Suppression(ruleId, when, justification));
        return this;
    }

    /// <summary>Edits the options of the recommended rules, such as <see cref="RuleEngineOptions.PitchWindow"/>.</summary>
    /// <param name="configure">Edits the options; invoked at once.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public RuleEngineBuilder Configure(Action<RuleEngineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ThrowIfBuilt();
        configure(_options);
        return this;
    }

    /// <summary>Replaces the pitch detector, the <see cref="DefaultPitchDetector"/> by default.</summary>
    /// <param name="pitchDetector">The detector; it must be thread-safe.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pitchDetector"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public RuleEngineBuilder UsePitchDetector(IPitchDetector pitchDetector)
    {
        ArgumentNullException.ThrowIfNull(pitchDetector);
        ThrowIfBuilt();
        _pitchDetector = pitchDetector;
        return this;
    }

    /// <summary>Replaces the clock, <see cref="TimeProvider.System"/> by default.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public RuleEngineBuilder UseTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ThrowIfBuilt();
        _timeProvider = timeProvider;
        return this;
    }

    /// <summary>Replaces the verdict policy, <see cref="DefaultVerdictPolicy"/> by default.</summary>
    /// <param name="verdictPolicy">The policy.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="verdictPolicy"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public RuleEngineBuilder UseVerdictPolicy(IVerdictPolicy verdictPolicy)
    {
        ArgumentNullException.ThrowIfNull(verdictPolicy);
        ThrowIfBuilt();
        _verdictPolicy = verdictPolicy;
        return this;
    }

    /// <summary>
    /// Adds a handler that receives every rule failure, a rule or one of its suppressions throwing, with the exception
    /// and its stack trace: to log it, say, which CR0001's one-line message cannot replace. It is called whether CR0001
    /// is enabled or not, on the evaluating thread, once the evaluation's rules have run and before <c>Evaluate</c>
    /// returns, in the order the failures happened; handlers run in the order they were added. What a handler throws is
    /// thrown from <c>Evaluate</c>: it is the application's code, not a rule's. <c>AddConnectionRules</c> adds one that
    /// logs each failure.
    /// </summary>
    /// <param name="handler">The handler; it must be thread-safe, since an engine evaluates on many threads at once.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public RuleEngineBuilder OnRuleFailure(Action<RuleFailure> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ThrowIfBuilt();
        _onRuleFailure += handler;
        return this;
    }

    /// <summary>Validates everything and builds the engine. A builder builds once.</summary>
    /// <returns>The immutable, thread-safe engine.</returns>
    /// <exception cref="RuleEngineBuildException">Every problem found: malformed or duplicate ids, incomplete fluent rules, help links that are not absolute URIs, settings or suppressions naming unknown rules or categories, undefined severities, invalid options.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public RuleEngine Build()
    {
        ThrowIfBuilt();
        var errors = new List<string>();
        var rules = new List<(ConnectionRule Rule, RuleDescriptor Descriptor)>();
        var byId = new Dictionary<string, ConnectionRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var create in _rules)
        {
            var rule = create(errors);
            if (rule is null)
            {
                continue;
            }

            RuleDescriptor? descriptor;
            try
            {
                descriptor = rule.Descriptor;
            }
            catch (Exception exception)
            {
                // A descriptor in a static field, as the docs show, throws from the type's initializer: its cause is inside.
                var cause = exception;
                while (cause is TypeInitializationException or TargetInvocationException && cause.InnerException is { } inner)
                {
                    cause = inner;
                }

                errors.Add($"Rule {rule.GetType().FullName}: reading its Descriptor threw {cause.GetType().Name}: {cause.Message}");
                continue;
            }

            if (descriptor is null)
            {
                errors.Add($"Rule {rule.GetType().FullName}: its Descriptor is null.");
            }
            else if (byId.TryGetValue(descriptor.Id, out var existing))
            {
                errors.Add($"Rule id '{descriptor.Id}' is used twice: by {Describe(existing)} and by {Describe(rule)}; ids must be unique.");
            }
            else
            {
                byId.Add(descriptor.Id, rule);
                rules.Add((rule, descriptor));
                if (descriptor.HelpLinkUri is { } link && !RuleDescriptor.IsHelpLink(link))
                {
                    errors.Add($"Rule '{descriptor.Id}': its help link \"{link}\" is not an absolute http, https or file URI; give the full address, such as 'https://example.com/rules/{descriptor.Id}', or none.");
                }
            }
        }

        // A setting that names a rule added but not built (its own error is above), or a category only such rules have,
        // is not reported again: the fix is the rule's, and "not among the engine's rules" would mislead.
        var categories = new HashSet<string>(rules.Select(r => r.Descriptor.Category), StringComparer.OrdinalIgnoreCase);
        var known = string.Join(", ", rules.Select(r => r.Descriptor.Id).Order(StringComparer.Ordinal));
        foreach (var (id, setting) in _ruleSettings)
        {
            if (!byId.ContainsKey(id))
            {
                if (_ruleIds.Contains(id))
                {
                    continue;
                }

                errors.Add($"{setting.Describe(id)} names rule '{id}', which is not among the engine's rules ({known}).");
            }
            else if (!setting.IsValid)
            {
                errors.Add($"{setting.Describe(id)}: {(int)setting.Severity} is not a defined Severity.");
            }
        }

        foreach (var (category, setting) in _categorySettings)
        {
            if (!categories.Contains(category))
            {
                if (_categories.Contains(category))
                {
                    continue;
                }

                errors.Add($"{setting.DescribeCategory(category)} names category '{category}', which no rule has ({string.Join(", ", categories.Order(StringComparer.Ordinal))}).");
            }
            else if (!setting.IsValid)
            {
                errors.Add($"{setting.DescribeCategory(category)}: {(int)setting.Severity} is not a defined Severity.");
            }
        }

        foreach (var suppression in _suppressions.Where(s => !byId.ContainsKey(s.RuleId) && !_ruleIds.Contains(s.RuleId)))
        {
            errors.Add($"Suppress(\"{suppression.RuleId}\", {suppression.Predicate.Name}, ...) names rule '{suppression.RuleId}', which is not among the engine's rules ({known}).");
        }

        _options.Validate(errors);
        if (errors.Count > 0)
        {
            throw new RuleEngineBuildException(errors);
        }

        _built = true;
        var configured = new List<ConfiguredRule>();
        foreach (var (rule, descriptor) in rules)
        {
            if (Resolve(descriptor) is { } severity)
            {
                var suppressions = _suppressions.Where(s => string.Equals(s.RuleId, descriptor.Id, StringComparison.OrdinalIgnoreCase)).ToArray();
                configured.Add(new ConfiguredRule(rule, descriptor, severity, suppressions));
            }
        }

        return new RuleEngine([.. configured], _options.FrozenCopy(), _pitchDetector, _timeProvider, _verdictPolicy, _onRuleFailure);
    }

    /// <summary>The effective severity: rule-level setting, else category-level, else the descriptor's default; null when off.</summary>
    private Severity? Resolve(RuleDescriptor descriptor)
    {
        if (!_ruleSettings.TryGetValue(descriptor.Id, out var setting) && !_categorySettings.TryGetValue(descriptor.Category, out setting))
        {
            setting = RuleSetting.Default;
        }

        return setting.Kind switch
        {
            RuleSettingKind.Disabled => null,
            RuleSettingKind.Enabled => descriptor.DefaultSeverity,
            RuleSettingKind.Severity => setting.Severity,
            _ => descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity : null,
        };
    }

    private RuleEngineBuilder SetRule(string ruleId, RuleSetting setting)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        ThrowIfBuilt();
        _ruleSettings[ruleId] = setting;
        return this;
    }

    private RuleEngineBuilder SetCategory(string category, RuleSetting setting)
    {
        ArgumentNullException.ThrowIfNull(category);
        ThrowIfBuilt();
        _categorySettings[category] = setting;
        return this;
    }

    private void Add(ConnectionRule rule)
    {
        _rules.Add(_ => rule);
        try
        {
            // A descriptor that cannot be read is reported by Build; here it only goes unindexed.
            if (rule.Descriptor is { } descriptor)
            {
                _ruleIds.Add(descriptor.Id);
                _categories.Add(descriptor.Category);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
        }
    }

    private void ThrowIfBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("This RuleEngineBuilder has already built its engine; a builder is single-use, so create a new one.");
        }
    }

    // A rule made with the fluent builder has no class of the caller's to name.
    private static string Describe(ConnectionRule rule) =>
        rule is FluentRuleBuilder.PredicateRule ? $"AddRule(\"{rule.Descriptor.Id}\", ...)" : rule.GetType().FullName ?? rule.GetType().Name;

    private enum RuleSettingKind
    {
        Default,
        Enabled,
        Disabled,
        Severity,
    }

    private readonly record struct RuleSetting(RuleSettingKind Kind, Severity Severity)
    {
        public static readonly RuleSetting Default = new(RuleSettingKind.Default, default);
        public static readonly RuleSetting Enabled = new(RuleSettingKind.Enabled, default);
        public static readonly RuleSetting Disabled = new(RuleSettingKind.Disabled, default);

        public bool IsValid => Kind != RuleSettingKind.Severity || Severity is >= Severity.Hidden and <= Severity.Error;

        public static RuleSetting Of(Severity severity) => new(RuleSettingKind.Severity, severity);

        public string Describe(string id) => Kind switch
        {
            RuleSettingKind.Disabled => $"Disable(\"{id}\")",
            RuleSettingKind.Enabled => $"Enable(\"{id}\")",
            RuleSettingKind.Severity => $"SetSeverity(\"{id}\", {Severity})",
            _ => $"ResetSeverity(\"{id}\")",
        };

        public string DescribeCategory(string category) => Kind switch
        {
            RuleSettingKind.Disabled => $"DisableCategory(\"{category}\")",
            RuleSettingKind.Severity => $"SetCategorySeverity(\"{category}\", {Severity})",
            _ => $"ResetCategorySeverity(\"{category}\")",
        };
    }
}
