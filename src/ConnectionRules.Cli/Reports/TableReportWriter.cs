using Spectre.Console;

namespace ConnectionRules.Cli.Reports;

/// <summary>
/// <c>--format table</c>, the default: a summary line per verdict, then a table of everyone at or above the minimum
/// verdict (everyone who is not Accept, by default), worst first, with the rule ids and a short reason.
/// </summary>
internal static class TableReportWriter
{
    public static void Write(TriageReport report, IAnsiConsole console)
    {
        var content = report.Content;
        var owner = content.Owner is { } o ? $"{o.Name}'s LinkedIn export" : "LinkedIn export";
        console.MarkupLine(
            $"[bold]{Markup.Escape(owner)}[/] ({Markup.Escape(report.Export)}): "
            + $"{Plural(content.Statistics.Connections, "connection")}, {Plural(content.Statistics.PendingInvitations, "pending invitation")}");

        var summary = new Grid().AddColumn(new GridColumn().PadLeft(2)).AddColumn(new GridColumn().RightAligned()).AddColumn();
        summary.AddRow(VerdictMarkup(Verdict.Disconnect), new Markup(Count(report, Verdict.Disconnect)), new Text("connections to remove"));
        summary.AddRow(VerdictMarkup(Verdict.Decline), new Markup(Count(report, Verdict.Decline)), new Text("invitations to decline"));
        summary.AddRow(VerdictMarkup(Verdict.Review), new Markup(Count(report, Verdict.Review)), new Text("to look at yourself"));
        summary.AddRow(VerdictMarkup(Verdict.Accept), new Markup(Count(report, Verdict.Accept)), new Text("nothing to do"));
        console.Write(summary);
        console.WriteLine();

        var listed = report.Listed.ToList();
        if (listed.Count == 0)
        {
            console.MarkupLine(report.MinVerdict == Verdict.Accept ? "Nobody to list." : $"Nobody at {ReportText.Of(report.MinVerdict)} or worse.");
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn(new TableColumn("Verdict").NoWrap());
            table.AddColumn(new TableColumn("Person"));
            table.AddColumn(new TableColumn("Status").NoWrap());
            table.AddColumn(new TableColumn("Rules"));
            table.AddColumn(new TableColumn("Reason"));
            foreach (var result in listed)
            {
                var findings = result.Findings.ToList();
                var rules = string.Join(" ", findings.Select(d => d.Id).Distinct());
                var reason = findings.Count == 0 ? "" : findings[0].Message + (findings.Count > 1 ? $" (+{findings.Count - 1} more)" : "");
                table.AddRow(
                    VerdictMarkup(result.Evaluation.Verdict),
                    new Text(result.Name),
                    new Text(result.Item.Person.IsConnection ? "connection" : "invitation"),
                    new Text(rules),
                    new Text(reason));
            }

            console.Write(table);
        }

        if (report.Warnings.Count > 0)
        {
            console.MarkupLine($"[yellow]{Plural(report.Warnings.Count, "row")} of the export skipped or read around; the warnings above say which.[/]");
        }

        console.MarkupLine("[dim]An export holds no mutual connections and no profile facts of others, so CR1002, CR3001 and CR3002 cannot fire on it. Details: --format json.[/]");
    }

    private static Markup VerdictMarkup(Verdict verdict) => verdict switch
    {
        Verdict.Disconnect => new Markup("[bold red]Disconnect[/]"),
        Verdict.Decline => new Markup("[red]Decline[/]"),
        Verdict.Review => new Markup("[yellow]Review[/]"),
        _ => new Markup("[green]Accept[/]"),
    };

    private static string Count(TriageReport report, Verdict verdict) => report.Count(verdict).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Plural(int count, string noun) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
