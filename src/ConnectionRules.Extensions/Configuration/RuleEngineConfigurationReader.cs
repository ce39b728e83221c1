using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ConnectionRules;

/// <summary>
/// Reads a <c>ConnectionRules</c> configuration section by hand (no reflection binding, so it stays trimming-safe)
/// into edits of a <see cref="RuleEngineBuilder"/>, and names every problem with its full key path and value.
/// </summary>
internal static class RuleEngineConfigurationReader
{
    public const string RulesKey = "Rules";
    public const string CategoriesKey = "Categories";

    /// <summary>The section name the documentation uses; a key by that name inside the section means the root was passed.</summary>
    public const string SectionName = "ConnectionRules";

    // The most rule ids, or categories, of the application's that an unknown one's message lists.
    private const int MaxListed = 10;

    private static readonly string[] BuiltInRuleIds =
    [
        RuleIds.RuleFailure, RuleIds.InconsistentRequest, RuleIds.MissingNote, RuleIds.Stranger, RuleIds.PitchInNote,
        RuleIds.ConnectAndSell, RuleIds.BaitAndSwitch, RuleIds.EndorsementQuidProQuo, RuleIds.RepetitiveMessaging,
        RuleIds.FakeProfile, RuleIds.MassInviter, RuleIds.OpenNetworker,
    ];

    private static readonly string[] BuiltInCategories =
        [RuleCategories.Engine, RuleCategories.Request, RuleCategories.Conduct, RuleCategories.Authenticity];

    private static readonly string[] Keys = [.. OptionSetting.All.Select(o => o.Name), RulesKey, CategoriesKey];

    /// <summary>
    /// Reads <paramref name="section"/>. Returns the edits to make to <paramref name="builder"/>, which is only asked
    /// which rules and categories it has; each problem found is added to <paramref name="errors"/>.
    /// </summary>
    public static List<Action<RuleEngineBuilder>> Read(RuleEngineBuilder builder, IConfiguration section, List<string> errors)
    {
        var edits = new List<Action<RuleEngineBuilder>>();
        if (section is IConfigurationSection { Value: { Length: > 0 } } scalar)
        {
            // Named without its value: a wrong section passed here may be anything of the application's, a secret included.
            errors.Add($"{scalar.Path} is a value, not a section; expected the rule engine's settings, e.g. \"{scalar.Key}\": {{ \"PitchWindow\": \"2.00:00:00\", \"{RulesKey}\": {{ \"CR1001\": \"error\" }} }}.");
            return edits;
        }

        var children = section.GetChildren().ToList();
        if (section is not IConfigurationSection && children.Count > 0 && !children.Any(IsSettingOrNearly))
        {
            // A root with none of the settings is the application's whole configuration: its keys and values (connection
            // strings, environment variables) are none of the engine's business, and must not be echoed into errors or logs.
            errors.Add(WholeConfiguration(children));
            return edits;
        }

        foreach (var child in children)
        {
            if (string.Equals(child.Key, RulesKey, StringComparison.OrdinalIgnoreCase))
            {
                ReadRules(builder, child, edits, errors);
            }
            else if (string.Equals(child.Key, CategoriesKey, StringComparison.OrdinalIgnoreCase))
            {
                ReadCategories(builder, child, edits, errors);
            }
            else if (Array.Find(OptionSetting.All, o => string.Equals(o.Name, child.Key, StringComparison.OrdinalIgnoreCase)) is { } option)
            {
                if (option.Read(child, errors) is { } edit)
                {
                    edits.Add(b => b.Configure(edit));
                }
            }
            else
            {
                errors.Add(UnknownKey(child));
            }
        }

        return edits;
    }

    // A setting, or a plausible typo of one: a root of the engine's own settings with a typo is read, and the typo named.
    private static bool IsSettingOrNearly(IConfigurationSection child) =>
        Keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase) || ConfigurationText.Suggest(child.Key, Keys) is not null;

    // A JSON or command-line list becomes a section whose keys are exactly the indexes 0, 1, 2...: keys are unique, so n
    // keys that are each an index below n, written without leading zeros, are those.
    private static bool IsList(IConfigurationSection section)
    {
        var keys = section.GetChildren().Select(c => c.Key).ToList();
        return keys.Count > 0 && keys.All(key =>
            int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < keys.Count && (key.Length == 1 || key[0] != '0'));
    }

    private static void ReadRules(RuleEngineBuilder builder, IConfigurationSection rules, List<Action<RuleEngineBuilder>> edits, List<string> errors)
    {
        // An empty value is no value: command-line and host settings give each parent of a nested key an empty one.
        if (!string.IsNullOrEmpty(rules.Value))
        {
            errors.Add($"{ConfigurationText.Describe(rules)}: not a section; expected rule ids with their severities, e.g. \"{RulesKey}\": {{ \"CR1001\": \"error\" }}.");
            return;
        }

        if (IsList(rules))
        {
            errors.Add($"{rules.Path} is a list; expected rule ids with their severities, e.g. \"{RulesKey}\": {{ \"CR1001\": \"error\" }}.");
            return;
        }

        foreach (var rule in rules.GetChildren())
        {
            var id = rule.Key;
            if (!builder.HasRule(id))
            {
                errors.Add($"{ConfigurationText.Describe(rule)}: {UnknownRule(builder, id)}.");
            }
            else if (ReadWord(rule, errors) is { } word)
            {
                edits.Add(word switch
                {
                    SeverityWord.None => b => b.Disable(id),
                    SeverityWord.Default => b => b.ResetSeverity(id),
                    _ => b => b.SetSeverity(id, SeverityWords.ToSeverity(word)),
                });
            }
        }
    }

    private static void ReadCategories(RuleEngineBuilder builder, IConfigurationSection categories, List<Action<RuleEngineBuilder>> edits, List<string> errors)
    {
        if (!string.IsNullOrEmpty(categories.Value))
        {
            errors.Add($"{ConfigurationText.Describe(categories)}: not a section; expected categories with their severities, e.g. \"{CategoriesKey}\": {{ \"Authenticity\": \"warning\" }}.");
            return;
        }

        if (IsList(categories))
        {
            errors.Add($"{categories.Path} is a list; expected categories with their severities, e.g. \"{CategoriesKey}\": {{ \"Authenticity\": \"warning\" }}.");
            return;
        }

        foreach (var entry in categories.GetChildren())
        {
            var category = entry.Key;
            if (!builder.HasCategory(category))
            {
                errors.Add($"{ConfigurationText.Describe(entry)}: {Unknown("category", category, builder.GetCategories(), BuiltInCategories, "categories", "the categories of the rules the application adds")}.");
            }
            else if (ReadWord(entry, errors) is { } word)
            {
                switch (word)
                {
                    case SeverityWord.None:
                        edits.Add(b => b.DisableCategory(category));
                        break;
                    case SeverityWord.Default:
                        edits.Add(b => b.ResetCategorySeverity(category));
                        break;
                    default:
                        edits.Add(b => b.SetCategorySeverity(category, SeverityWords.ToSeverity(word)));
                        break;
                }
            }
        }
    }

    private static SeverityWord? ReadWord(IConfigurationSection entry, List<string> errors)
    {
        if (SeverityWords.TryParse(entry.Value, out var word))
        {
            return word;
        }

        errors.Add($"{ConfigurationText.Describe(entry)}: not a severity; expected one of {SeverityWords.Expected}.");
        return null;
    }

    // A recommended rule's own id is not a typo of another: it says to add the recommended rules instead.
    private static string UnknownRule(RuleEngineBuilder builder, string id)
    {
        var builtIn = Array.Find(BuiltInRuleIds, b => string.Equals(b, id, StringComparison.OrdinalIgnoreCase));
        if (builtIn is not null)
        {
            return $"unknown rule id; {builtIn} is a recommended rule, so call AddRecommendedRules() before applying the configuration";
        }

        // An id Build will refuse as malformed is neither suggested nor listed: its own error says what is wrong with it.
        var present = builder.GetRuleIds().Where(RuleDescriptor.IsValidId).ToArray();
        return Unknown("rule id", id, present, BuiltInRuleIds, "rules", "the rules the application adds");
    }

    /// <summary>
    /// What is said of a rule id or category the builder does not have: the one meant, when one present is near it; the
    /// built-in ones present; and the application's so far, up to ten by name.
    /// </summary>
    private static string Unknown(string kind, string given, IReadOnlyList<string> present, string[] builtIn, string builtInKinds, string applications)
    {
        var suggestion = ConfigurationText.Suggest(given, present) is { } near ? $" (did you mean {near}?)" : "";
        var builtInPresent = builtIn.Where(b => present.Contains(b, StringComparer.OrdinalIgnoreCase));
        var added = present.Where(p => !builtIn.Contains(p, StringComparer.OrdinalIgnoreCase)).ToArray();
        var soFar = added.Length switch
        {
            0 => "",
            <= MaxListed => $" (so far {string.Join(", ", added)})",
            _ => $" (so far {added.Length}: {string.Join(", ", added.Take(MaxListed))}, ...)",
        };
        return $"unknown {kind}{suggestion}; the engine has the built-in {builtInKinds} {string.Join(", ", builtInPresent)} and {applications}, which it must add before applying the configuration{soFar}";
    }

    // An unknown key is named, never its value: it may be anything of the application's, a secret included.
    private static string UnknownKey(IConfigurationSection child)
    {
        if (string.Equals(child.Key, SectionName, StringComparison.OrdinalIgnoreCase))
        {
            return $"{ConfigurationText.Name(child)}: unknown setting; this is the whole configuration, not its \"{SectionName}\" section: pass configuration.GetSection(\"{SectionName}\").";
        }

        var suggestion = ConfigurationText.Suggest(child.Key, Keys) is { } near ? $" (did you mean {near}?)" : "";
        return $"{ConfigurationText.Name(child)}: unknown setting{suggestion}; expected one of {string.Join(", ", Keys)}.";
    }

    private static string WholeConfiguration(List<IConfigurationSection> children)
    {
        if (children.Find(c => string.Equals(c.Key, SectionName, StringComparison.OrdinalIgnoreCase)) is { } section)
        {
            return UnknownKey(section);
        }

        const int Named = 5;
        var keys = string.Join(", ", children.Take(Named).Select(c => c.Key)) + (children.Count > Named ? $" and {children.Count - Named} more" : "");
        return $"the configuration passed has none of the rule engine's settings ({string.Join(", ", Keys)}) at its top, only {keys}: " +
            $"it looks like the whole configuration; pass its section instead, e.g. configuration.GetSection(\"{SectionName}\").";
    }
}
