using System.Text.Encodings.Web;
using System.Text.Json;
using ConnectionRules.Cli.Export;

namespace ConnectionRules.Cli.Reports;

/// <summary>
/// <c>--format json</c>: one object per person with the verdict and every diagnostic, under stable camelCase names
/// documented in docs/cli.md. Written as it goes, so a large export never holds its report in memory twice.
/// </summary>
internal static class JsonReportWriter
{
    public static void Write(TriageReport report, Stream output)
    {
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var json = new Utf8JsonWriter(output, options);
        var content = report.Content;
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteString("name", TriageCommand.ToolName);
        json.WriteString("version", TriageCommand.Version);
        json.WriteEndObject();
        json.WriteString("export", report.Export);
        WriteNullable(json, "owner", content.Owner?.Name);
        WriteNullable(json, "ownerFoundIn", content.OwnerFoundIn);
        json.WriteString("evaluatedAt", report.EvaluatedAt);
        json.WriteString("minVerdict", ReportText.Of(report.MinVerdict));

        json.WriteStartObject("summary");
        json.WriteNumber("people", report.Results.Count);
        json.WriteNumber("connections", content.Statistics.Connections);
        json.WriteNumber("pendingInvitations", content.Statistics.PendingInvitations);
        foreach (var verdict in new[] { Verdict.Disconnect, Verdict.Decline, Verdict.Review, Verdict.Accept })
        {
            json.WriteNumber(ReportText.Of(verdict), report.Count(verdict));
        }

        json.WriteEndObject();

        json.WriteStartArray("people");
        foreach (var result in report.Listed)
        {
            WritePerson(json, result);
            if (json.BytesPending > 64 * 1024)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();

        json.WriteStartArray("warnings");
        foreach (var warning in report.Warnings)
        {
            json.WriteStartObject();
            json.WriteString("file", warning.File);
            json.WriteNumber("line", warning.Line);
            json.WriteString("message", warning.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        var statistics = content.Statistics;
        json.WriteStartObject("statistics");
        json.WriteNumber("outgoingInvitationsNotJudged", statistics.OutgoingInvitations);
        json.WriteNumber("messagesRead", statistics.MessagesRead);
        json.WriteNumber("messagesWithConnections", statistics.MessagesAttributed);
        json.WriteNumber("messagesWithOthers", statistics.MessagesWithOthers);
        json.WriteNumber("groupMessages", statistics.GroupMessages);
        json.WriteNumber("drafts", statistics.Drafts);
        json.WriteNumber("endorsementsRead", statistics.EndorsementsRead);
        json.WriteNumber("endorsementsByConnections", statistics.EndorsementsAttributed);
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
    }

    private static void WritePerson(Utf8JsonWriter json, TriageResult result)
    {
        var person = result.Item.Person;
        var request = result.Item.Request;
        json.WriteStartObject();
        json.WriteString("id", request.Id);
        json.WriteString("name", person.Name);
        WriteNullable(json, "profileUrl", person.ProfileUrl);
        json.WriteString("status", result.Status);
        WriteNullable(json, "headline", request.Sender.Headline);
        json.WriteString("verdict", ReportText.Of(result.Evaluation.Verdict));
        json.WriteString("sentAt", request.SentAt);
        if (request.AcceptedAt is { } acceptedAt)
        {
            json.WriteString("acceptedAt", acceptedAt);
        }
        else
        {
            json.WriteNull("acceptedAt");
        }

        WriteNullable(json, "note", request.Note);
        json.WriteNumber("messages", request.Messages.Count);
        json.WriteNumber("endorsements", request.Endorsements.Count);
        WriteSource(json, "source", result.Item.Sources.Person);
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in result.Evaluation.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("id", diagnostic.Id);
            json.WriteString("title", diagnostic.Descriptor.Title);
            json.WriteString("category", diagnostic.Descriptor.Category);
            json.WriteString("severity", ReportText.Of(diagnostic.Severity));
            json.WriteString("message", diagnostic.Message);
            WriteNullable(json, "location", diagnostic.Location);
            WriteSource(json, "source", result.Item.Sources.Of(diagnostic.Location));
            json.WriteBoolean("suppressed", diagnostic.IsSuppressed);
            WriteNullable(json, "justification", diagnostic.Justification);
            WriteNullable(json, "helpUri", diagnostic.Descriptor.HelpLinkUri);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, string name, SourceRef source)
    {
        json.WriteStartObject(name);
        json.WriteString("file", source.File);
        json.WriteNumber("line", source.Line);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
