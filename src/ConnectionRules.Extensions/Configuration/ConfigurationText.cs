using Microsoft.Extensions.Configuration;

namespace ConnectionRules;

/// <summary>How configuration errors name a key and its value, and suggest the name that was meant.</summary>
internal static class ConfigurationText
{
    /// <summary>The full key path and its value: <c>ConnectionRules:Rules:CR1001 = "eror"</c>, or what stands there instead of a value.</summary>
    public static string Describe(IConfigurationSection section) => section.Value switch
    {
        { } value => $"{section.Path} = \"{value}\"",
        null when section.GetChildren().Any() => $"{section.Path} (a section)",
        null => $"{section.Path} (no value)",
    };

    /// <summary>The full key path, and <c>(a section)</c> when it holds keys: for a key whose value is not the engine's to show.</summary>
    public static string Name(IConfigurationSection section) =>
        section.GetChildren().Any() ? $"{section.Path} (a section)" : section.Path;

    /// <summary>The candidate closest to <paramref name="text"/> when it is a plausible typo of it (two edits or fewer), else null.</summary>
    public static string? Suggest(string text, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(text, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return bestDistance <= Math.Min(2, text.Length / 3) ? best : null;
    }

    /// <summary>Case-insensitive Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
