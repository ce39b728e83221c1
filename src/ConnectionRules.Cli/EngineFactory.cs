using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace ConnectionRules.Cli;

/// <summary>The <c>--config</c> file cannot be used; each problem is one line that names the file.</summary>
internal sealed class UnusableConfigurationException : Exception
{
    public UnusableConfigurationException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public UnusableConfigurationException()
        : this([])
    {
    }

    public UnusableConfigurationException(string message)
        : this([message])
    {
    }

    public UnusableConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Gets one line per problem.</summary>
    public IReadOnlyList<string> Problems { get; }
}

/// <summary>Builds the engine triage judges with: the recommended rules, then the <c>--config</c> file, if any.</summary>
internal static class EngineFactory
{
    /// <summary>The section of the configuration file the engine reads, as in appsettings.json.</summary>
    public const string SectionName = "ConnectionRules";

    /// <exception cref="UnusableConfigurationException">The file is missing, is not valid JSON, has no ConnectionRules section, or holds bad values.</exception>
    public static RuleEngine Create(string? configPath, TimeProvider time)
    {
        var builder = new RuleEngineBuilder().AddRecommendedRules().UseTimeProvider(time);
        if (configPath is not null)
        {
            var section = Load(configPath);
            try
            {
                builder.ApplyConfiguration(section);
            }
            catch (RuleEngineBuildException exception)
            {
                throw new UnusableConfigurationException(exception.Errors.Select(e => $"{configPath}: {e}").ToList());
            }
        }

        try
        {
            return builder.Build();
        }
        catch (RuleEngineBuildException exception)
        {
            throw new UnusableConfigurationException(exception.Errors.Select(e => configPath is null ? e : $"{configPath}: {e}").ToList());
        }
    }

    private static IConfigurationSection Load(string path)
    {
        if (!File.Exists(path))
        {
            var problem = Directory.Exists(path) ? "a folder, not a file" : "no such file";
            throw new UnusableConfigurationException($"{path}: {problem} (--config). Give a JSON file like {{ \"{SectionName}\": {{ \"Rules\": {{ \"CR1001\": \"error\" }} }} }}.");
        }

        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or JsonException or IOException or UnauthorizedAccessException)
        {
            throw new UnusableConfigurationException(Describe(path, exception));
        }

        var section = root.GetSection(SectionName);
        if (!section.Exists() && root.GetChildren().Any(c => string.Equals(c.Key, SectionName, StringComparison.OrdinalIgnoreCase)))
        {
            // "ConnectionRules": null, or an empty object: there, but with nothing in it.
            throw new UnusableConfigurationException(
                $"{path}: the \"{SectionName}\" section is empty (null or {{ }}); the settings go inside it, e.g. {{ \"{SectionName}\": {{ \"PitchWindow\": \"2.00:00:00\", \"Rules\": {{ \"CR1001\": \"error\" }} }} }}.");
        }

        if (!section.Exists())
        {
            var keys = string.Join(", ", root.GetChildren().Select(c => $"\"{c.Key}\""));
            throw new UnusableConfigurationException(
                $"{path}: no \"{SectionName}\" section{(keys.Length > 0 ? $" (it has {keys})" : "")}; the settings go inside it, e.g. {{ \"{SectionName}\": {{ \"PitchWindow\": \"2.00:00:00\", \"Rules\": {{ \"CR1001\": \"error\" }} }} }}.");
        }

        if (section.Value is not null)
        {
            throw new UnusableConfigurationException($"{path}: \"{SectionName}\" is \"{section.Value}\", not an object of settings.");
        }

        return section;
    }

    private static string Describe(string path, Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { LineNumber: { } line } json)
            {
                var reason = json.Message;
                var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
                if (cut < 0)
                {
                    cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
                }

                return $"{path}, line {line + 1}: not valid JSON: {(cut > 0 ? reason[..cut] : reason)}";
            }
        }

        var message = exception.InnerException is { } cause && exception is InvalidDataException ? cause.Message : exception.Message;
        return $"{path}: cannot be read as JSON configuration: {message}";
    }
}
