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

        // The limits are those RuleEngineOptions enforces; checking them here lets the error name the key.
        new CountSetting(nameof(RuleEngineOptions.FewConnections), 0, int.MaxValue, Defaults.FewConnections, (o, v) => o.FewConnections = v),
        new CountSetting(nameof(RuleEngineOptions.MassInvitationsPerWeek), 0, int.MaxValue, Defaults.MassInvitationsPerWeek, (o, v) => o.MassInvitationsPerWeek = v),
        new CountSetting(nameof(RuleEngineOptions.MassConnectionCount), 1, int.MaxValue, Defaults.MassConnectionCount, (o, v) => o.MassConnectionCount = v),
        new CountSetting(nameof(RuleEngineOptions.RepeatedMessageCount), 2, RuleEngineOptions.MaxRepeatedMessageCount, Defaults.RepeatedMessageCount, (o, v) => o.RepeatedMessageCount = v),
        new CountSetting(nameof(RuleEngineOptions.UnansweredMessageCount), 2, int.MaxValue, Defaults.UnansweredMessageCount, (o, v) => o.UnansweredMessageCount = v),
    ];

    public string Name { get; } = name;

    /// <summary>Reads the key's value; returns the edit to make, or null after adding an error.</summary>
    public abstract Action<RuleEngineOptions>? Read(IConfigurationSection section, List<string> errors);

    private sealed class DurationSetting(string name, Action<RuleEngineOptions, TimeSpan> set) : OptionSetting(name)
    {
        private const string Expected = "expected [days.]hours:minutes[:seconds], e.g. 3.00:00:00 for 3 days or 12:00:00 for 12 hours";

        public override Action<RuleEngineOptions>? Read(IConfigurationSection section, List<string> errors)
        {
            // Only the invariant "c" format, and never a bare number: the lenient parser reads "48" and "72:00:00" as days.
            if (section.Value is not { } text || !text.Contains(':', StringComparison.Ordinal)
                || !TimeSpan.TryParseExact(text.Trim(), "c", CultureInfo.InvariantCulture, out var value))
            {
                errors.Add($"{ConfigurationText.Describe(section)}: not a duration{HoursHint(section.Value)}; {Expected}.");
                return null;
            }

            if (value < TimeSpan.Zero)
            {
                errors.Add($"{ConfigurationText.Describe(section)}: a duration cannot be negative; {Expected}.");
                return null;
            }

            return options => set(options, value);
        }

        /// <summary>For "72:00:00": hours run to 23, so say how to write it.</summary>
        private static string HoursHint(string? text)
        {
            var parts = text?.Trim().Split(':');
            if (parts is not { Length: 2 or 3 }
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) || hours < 24
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes > 59)
            {
                return "";
            }

            var seconds = 0;
            if (parts.Length == 3 && (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out seconds) || seconds > 59))
            {
                return "";
            }

            return $" (hours run from 0 to 23: write {hours} hours as {new TimeSpan(hours, minutes, seconds).ToString("c", CultureInfo.InvariantCulture)})";
        }
    }

    private sealed class CountSetting(string name, int minimum, int maximum, int example, Action<RuleEngineOptions, int> set) : OptionSetting(name)
    {
        private readonly string _expected = maximum == int.MaxValue
            ? $"expected an integer of {minimum} or more, e.g. {example}"
            : $"expected an integer from {minimum} to {maximum}, e.g. {example}";

        public override Action<RuleEngineOptions>? Read(IConfigurationSection section, List<string> errors)
        {
            if (section.Value is not { } text || !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                errors.Add($"{ConfigurationText.Describe(section)}: not a whole number; {_expected}.");
                return null;
            }

            if (value < minimum || value > maximum)
            {
                errors.Add($"{ConfigurationText.Describe(section)}: too {(value < minimum ? "small" : "large")}; {_expected}.");
                return null;
            }

            return options => set(options, value);
        }
    }
}
