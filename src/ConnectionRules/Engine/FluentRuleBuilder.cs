namespace ConnectionRules;

/// <summary>
/// Describes a rule without writing a class: a title, a message, a category, a severity, and the predicate that
/// makes it report. Used through <see cref="RuleEngineBuilder.AddRule(string, Action{FluentRuleBuilder})"/>.
/// </summary>
public sealed class FluentRuleBuilder
{
    internal FluentRuleBuilder(string id)
    {
        Id = id;
    }

    /// <summary>Gets the rule id given to <see cref="RuleEngineBuilder.AddRule(string, Action{FluentRuleBuilder})"/>.</summary>
    public string Id { get; }

    internal string? Title { get; private set; }

    internal string? Message { get; private set; }

    internal string Category { get; private set; } = "Custom";

    internal Severity Severity { get; private set; } = Severity.Warning;

    internal bool IsEnabledByDefault { get; private set; } = true;

    internal string? Description { get; private set; }

    internal string? HelpLinkUri { get; private set; }

    internal RequestPredicate? Predicate { get; private set; }

    internal string? Location { get; private set; }

    /// <summary>Sets the short title (required).</summary>
    /// <param name="title">The title.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="title"/> is null or blank.</exception>
    public FluentRuleBuilder WithTitle(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
        return this;
    }

    /// <summary>Sets the message of the diagnostics, taken literally (braces need no escaping). Defaults to the title.</summary>
    /// <param name="message">The message.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="message"/> is null or blank.</exception>
    public FluentRuleBuilder WithMessage(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Message = message;
        return this;
    }

    /// <summary>Sets the category, for category-level severity settings. Defaults to <c>Custom</c>.</summary>
    /// <param name="category">The category.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="category"/> is null or blank.</exception>
    public FluentRuleBuilder WithCategory(string category)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        Category = category;
        return this;
    }

    /// <summary>Sets the default severity. Defaults to <see cref="Severity.Warning"/>.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>This builder.</returns>
    public FluentRuleBuilder WithSeverity(Severity severity)
    {
        Severity = severity;
        return this;
    }

    /// <summary>Sets the longer description shown in documentation and SARIF output.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="description"/> is null or blank.</exception>
    public FluentRuleBuilder WithDescription(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Description = description;
        return this;
    }

    /// <summary>Sets the link to the rule's documentation.</summary>
    /// <param name="helpLinkUri">The link.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="helpLinkUri"/> is null or blank.</exception>
    public FluentRuleBuilder WithHelpLink(string helpLinkUri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(helpLinkUri);
        HelpLinkUri = helpLinkUri;
        return this;
    }

    /// <summary>Makes the rule disabled unless configuration enables it or sets its severity.</summary>
    /// <returns>This builder.</returns>
    public FluentRuleBuilder DisabledByDefault()
    {
        IsEnabledByDefault = false;
        return this;
    }

    /// <summary>Sets the condition under which the rule reports one diagnostic (required).</summary>
    /// <param name="predicate">The condition.</param>
    /// <param name="location">The location the diagnostic points at, e.g. <c>note</c>; none by default.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public FluentRuleBuilder ReportWhen(RequestPredicate predicate, string? location = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        Predicate = predicate;
        Location = location;
        return this;
    }

    /// <summary>Creates the rule, or adds to <paramref name="errors"/> what is missing.</summary>
    internal ConnectionRule? TryBuild(List<string> errors)
    {
        var problems = errors.Count;
        if (!RuleDescriptor.IsValidId(Id))
        {
            errors.Add($"AddRule(\"{Id}\"): the id is malformed; an id is two or more capital letters followed by three or more digits, such as 'ACME001'.");
        }

        if (Title is null)
        {
            errors.Add($"AddRule(\"{Id}\"): the rule has no title; call WithTitle(...).");
        }

        if (Predicate is null)
        {
            errors.Add($"AddRule(\"{Id}\"): the rule never reports; call ReportWhen(predicate).");
        }

        if (Severity is < Severity.Hidden or > Severity.Error)
        {
            errors.Add($"AddRule(\"{Id}\"): WithSeverity({(int)Severity}) is not a defined Severity.");
        }

        if (errors.Count > problems)
        {
            return null;
        }

        var message = (Message ?? Title!).Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
        var descriptor = new RuleDescriptor(Id, Title!, message, Category, Severity, IsEnabledByDefault, Description ?? Predicate!.Name, HelpLinkUri);
        return new PredicateRule(descriptor, Predicate!, Location);
    }

    /// <summary>A rule that reports once when its predicate holds.</summary>
    internal sealed class PredicateRule(RuleDescriptor descriptor, RequestPredicate predicate, string? location) : ConnectionRule
    {
        public override RuleDescriptor Descriptor { get; } = descriptor;

        public override void Evaluate(RuleContext context)
        {
            if (predicate.IsMatch(context))
            {
                context.Report(location);
            }
        }
    }
}
