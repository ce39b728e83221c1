using System.Text.Encodings.Web;
using System.Text.Json;
using ConnectionRules.Cli.Export;

namespace ConnectionRules.Cli.Reports;

/// <summary>
/// <c>--format sarif</c>: a SARIF 2.1.0 log, so that the tools that read analyzer output read triage too. The rules in
/// effect are <c>tool.driver.rules</c> with their help links; each diagnostic is a result located twice: physically at
/// the file and line of the export it came from (relative to the base id <c>EXPORT</c>), and logically at the person
/// and the part of their request (<c>Jordan Blake</c>, <c>messages[2]</c>). Skipped rows are tool notifications.
/// </summary>
internal static class SarifReportWriter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public const string BaseId = "EXPORT";

    public static void Write(TriageReport report, Stream output)
    {
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var json = new Utf8JsonWriter(output, options);
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", TriageCommand.ToolName);
        json.WriteString("semanticVersion", TriageCommand.Version);
        json.WriteString("informationUri", TriageCommand.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in report.Rules)
        {
            ruleIndex[rule.Id] = ruleIndex.Count;
            WriteRule(json, rule, report.Severities.GetValueOrDefault(rule.Id, rule.DefaultSeverity));
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        WriteInvocation(json, report);
        WriteBase(json, report);

        json.WriteStartArray("results");
        foreach (var result in report.Listed)
        {
            // A rule may report twice at one place (CR2004: the fourth unanswered message is also the third repeat);
            // from the second on, each gets its ordinal in its fingerprint, so that a viewer does not merge them.
            // Diagnostics are sorted by severity, rule and location, and a rule has one severity, so such twins are
            // neighbours.
            Diagnostic? previous = null;
            var ordinal = 1;
            foreach (var diagnostic in result.Evaluation.Diagnostics)
            {
                ordinal = previous is not null && previous.Id == diagnostic.Id && previous.Location == diagnostic.Location ? ordinal + 1 : 1;
                previous = diagnostic;
                WriteResult(json, result, diagnostic, ruleIndex.TryGetValue(diagnostic.Id, out var index) ? index : -1, ordinal);
            }

            if (json.BytesPending > 64 * 1024)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    /// <summary>SARIF's level for a severity: error, warning, note, or none for hidden.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    private static void WriteRule(Utf8JsonWriter json, RuleDescriptor rule, Severity severity)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", PascalCase(rule.Title));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        if (rule.Description is { } description)
        {
            json.WriteStartObject("fullDescription");
            json.WriteString("text", description);
            json.WriteEndObject();
        }

        json.WriteStartObject("messageStrings");
        json.WriteStartObject("default");
        json.WriteString("text", rule.MessageFormat);
        json.WriteEndObject();
        json.WriteEndObject();
        if (rule.HelpLinkUri is { } help)
        {
            json.WriteString("helpUri", help);
        }

        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(severity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, TriageReport report)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteString("endTimeUtc", report.EvaluatedAt.UtcDateTime);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var warning in report.Warnings)
        {
            json.WriteStartObject();
            json.WriteString("level", "warning");
            json.WriteStartObject("message");
            json.WriteString("text", warning.Message);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            WritePhysical(json, new SourceRef(warning.File, warning.Line));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteBase(Utf8JsonWriter json, TriageReport report)
    {
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(BaseId);
        var full = Path.GetFullPath(report.Content.Source);
        if (Directory.Exists(full))
        {
            json.WriteString("uri", new Uri(Path.EndsInDirectorySeparator(full) ? full : full + Path.DirectorySeparatorChar).AbsoluteUri);
        }
        else
        {
            // Entries of a zip archive have no URI of their own that every viewer understands.
            json.WriteStartObject("description");
            json.WriteString("text", $"The entries of the zip archive {full}");
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, TriageResult result, Diagnostic diagnostic, int ruleIndex, int ordinal)
    {
        var person = result.Item.Person;
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Id);
        if (ruleIndex >= 0)
        {
            json.WriteNumber("ruleIndex", ruleIndex);
        }

        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", $"{person.Name}: {diagnostic.Message}");
        json.WriteEndObject();

        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysical(json, result.Item.Sources.Of(diagnostic.Location));
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("name", diagnostic.Location ?? person.Name);
        json.WriteString("fullyQualifiedName", diagnostic.Location is null ? person.Name : $"{person.Name}.{diagnostic.Location}");
        json.WriteString("kind", diagnostic.Location is null ? "object" : "member");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();

        if (diagnostic.IsSuppressed)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "external");
            json.WriteString("justification", diagnostic.Justification);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("partialFingerprints");
        var fingerprint = $"{result.Item.Request.Id}|{diagnostic.Id}|{diagnostic.Location}";
        json.WriteString("personAndLocation/v1", ordinal == 1 ? fingerprint : $"{fingerprint}|{ordinal}");
        json.WriteEndObject();

        json.WriteStartObject("properties");
        json.WriteString("person", person.Name);
        json.WriteString("requestId", result.Item.Request.Id);
        json.WriteString("status", result.Status);
        json.WriteString("verdict", ReportText.Of(result.Evaluation.Verdict));
        json.WriteString("severity", ReportText.Of(diagnostic.Severity));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WritePhysical(Utf8JsonWriter json, SourceRef source)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", Uri.EscapeDataString(source.File).Replace("%2F", "/", StringComparison.Ordinal));
        json.WriteString("uriBaseId", BaseId);
        json.WriteEndObject();
        if (source.Line > 0)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", source.Line);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static string PascalCase(string title)
    {
        var words = title.Split([' ', '-', '_', '/', '(', ')', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
