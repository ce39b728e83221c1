using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ConnectionRules;

/// <summary>One <see cref="RuleEngineOptions"/> property as a configuration key: how to read, check and apply it.</summary>
internal abstract class OptionSetting(string name)
{
    private static readonly RuleEngineOptions Defaults = new();

    /// <summary>Every option, named after its <see cref="RuleEngineOptions"/> property.</summary>
    public static readonly OptionSetting[] All =
    [
        new DurationSetting(nameof(RuleEngineOptions.PitchWindow), (o, v) => o.PitchWindow = v),
        new DurationSetting(nameof(RuleEngineOptions.YoungAccountAge), (o, v) => o.YoungAccountAge = v),

        // The minimums are those RuleEngineOptions enforces; checking them here lets the error name the key.
        new CountSetting(nameof(RuleEngineOptions.FewConnections), 0, Defaults.FewConnections, (o, v) => o.FewConnections = v),
        new CountSetting(nameof(RuleEngineOptions.MassInvitationsPerWeek), 0, Defaults.MassInvitationsPerWeek, (o, v) => o.MassInvitationsPerWeek = v),
        new CountSetting(nameof(RuleEngineOptions.MassConnectionCount), 0, Defaults.MassConnectionCount, (o, v) => o.MassConnectionCount = v),
        new CountSetting(nameof(RuleEngineOptions.RepeatedMessageCount), 2, Defaults.RepeatedMessageCount, (o, v) => o.RepeatedMessageCount = v),
        new CountSetting(nameof(RuleEngineOptions.UnansweredMessageCount), 2, Defaults.UnansweredMessageCount, (o, v) => o.UnansweredMessageCount = v),
    ];

    public string Name { get; } = name;

    /// <summary>Reads the key's value; returns the edit to make, or null after adding an error.</summary>
    public abstract Action<RuleEngineOptions>? Read(IConfigurationSection section, List<string> errors);

    private sealed class DurationSetting(string name, Action<RuleEngineOptions, TimeSpan> set) : OptionSetting(name)
    {
        private const string Expected = "expected [days.]hours:minutes[:seconds], e.g. 3.00:00:00 for 3 days or 12:00:00 for 12 hours";

        public override Action<RuleEngineOptions>? Read(IConfigurationSection section, List<string> errors)
        {
            // A bare number would parse as days ("48" is 48 days), which is rarely what its writer meant: require a colon.
            if (section.Value is not { } text || !text.Contains(':', StringComparison.Ordinal)
                || !TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value))
            {
                errors.Add($"{ConfigurationText.Describe(section)}: not a duration; {Expected}.");
                return null;
            }

            if (value < TimeSpan.Zero)
            {
                errors.Add($"{ConfigurationText.Describe(section)}: a duration cannot be negative; {Expected}.");
                return null;
            }

            return options => set(options, value);
        }
    }

    private sealed class CountSetting(string name, int minimum, int example, Action<RuleEngineOptions, int> set) : OptionSetting(name)
    {
        public override Action<RuleEngineOptions>? Read(IConfigurationSection section, List<string> errors)
        {
            if (section.Value is not { } text || !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                errors.Add($"{ConfigurationText.Describe(section)}: not a whole number; expected an integer of {minimum} or more, e.g. {example}.");
                return null;
            }

            if (value < minimum)
            {
                errors.Add($"{ConfigurationText.Describe(section)}: too small; expected an integer of {minimum} or more, e.g. {example}.");
                return null;
            }

            return options => set(options, value);
        }
    }
}
