namespace ConnectionRules;

/// <summary>
/// Describes a rule without writing a class: a title, a message, a category, a severity, and the predicate that
/// makes it report. Used through <see cref="RuleEngineBuilder.AddRule(string, Action{FluentRuleBuilder})"/>.
/// </summary>
public sealed class FluentRuleBuilder
{
    // The With... calls given null or blank text, and ReportWhen given null, each once: reported by Build with every
    // other problem. Made on the first such call, so that a rule described without mistakes costs nothing for it.
    private List<string>? _emptyArguments;

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
    /// <remarks>A null or blank title is reported by <see cref="RuleEngineBuilder.Build"/>, with every other problem.</remarks>
    public FluentRuleBuilder WithTitle(string title)
    {
        Title = Text(title, nameof(WithTitle)) ?? Title;
        return this;
    }

    /// <summary>Sets the message of the diagnostics, taken literally (braces need no escaping). Defaults to the title.</summary>
    /// <param name="message">The message.</param>
    /// <returns>This builder.</returns>
    /// <remarks>A null or blank message is reported by <see cref="RuleEngineBuilder.Build"/>, with every other problem.</remarks>
    public FluentRuleBuilder WithMessage(string message)
    {
        Message = Text(message, nameof(WithMessage)) ?? Message;
        return this;
    }

    /// <summary>Sets the category, for category-level severity settings. Defaults to <c>Custom</c>.</summary>
    /// <param name="category">The category.</param>
    /// <returns>This builder.</returns>
    /// <remarks>A null or blank category is reported by <see cref="RuleEngineBuilder.Build"/>, with every other problem.</remarks>
    public FluentRuleBuilder WithCategory(string category)
    {
        Category = Text(category, nameof(WithCategory)) ?? Category;
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
    /// <remarks>A null or blank description is reported by <see cref="RuleEngineBuilder.Build"/>, with every other problem.</remarks>
    public FluentRuleBuilder WithDescription(string description)
    {
        Description = Text(description, nameof(WithDescription)) ?? Description;
        return this;
    }

    /// <summary>Sets the link to the rule's documentation.</summary>
    /// <param name="helpLinkUri">The link: an absolute http, https or file URI, such as <c>https://example.com/rules/ACME001</c>.</param>
    /// <returns>This builder.</returns>
    /// <remarks>A null or blank link, or another that is not such a URI, is reported by <see cref="RuleEngineBuilder.Build"/>, with every other problem.</remarks>
    public FluentRuleBuilder WithHelpLink(string helpLinkUri)
    {
        HelpLinkUri = Text(helpLinkUri, nameof(WithHelpLink)) ?? HelpLinkUri;
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
    /// <remarks>A null predicate is reported by <see cref="RuleEngineBuilder.Build"/>, with every other problem.</remarks>
    public FluentRuleBuilder ReportWhen(RequestPredicate predicate, string? location = null)
    {
        if (predicate is null)
        {
            Empty(nameof(ReportWhen), true);
            return this;
        }

        Empty(nameof(ReportWhen), false);
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

        foreach (var method in _emptyArguments ?? Enumerable.Empty<string>())
        {
            errors.Add(method switch
            {
                nameof(ReportWhen) => $"AddRule(\"{Id}\"): ReportWhen was given a null predicate; give it the condition under which the rule reports.",
                nameof(WithTitle) => $"AddRule(\"{Id}\"): WithTitle was given a null or blank title; a rule needs one.",
                _ => $"AddRule(\"{Id}\"): {method} was given a null or blank text; give it one, or leave the call out for the default.",
            });
        }

        if (Title is null && _emptyArguments?.Contains(nameof(WithTitle)) != true)
        {
            errors.Add($"AddRule(\"{Id}\"): the rule has no title; call WithTitle(...).");
        }

        if (Predicate is null && _emptyArguments?.Contains(nameof(ReportWhen)) != true)
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

    private string? Text(string? text, string method)
    {
        var empty = string.IsNullOrWhiteSpace(text);
        Empty(method, empty);
        return empty ? null : text;
    }

    // Records whether the last call of the method was given nothing: the last call counts, as for any other value.
    private void Empty(string method, bool empty)
    {
        if (empty)
        {
            _emptyArguments ??= [];
            if (!_emptyArguments.Contains(method))
            {
                _emptyArguments.Add(method);
            }
        }
        else
        {
            _emptyArguments?.Remove(method);
        }
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
