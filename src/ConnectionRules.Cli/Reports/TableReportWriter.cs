using Spectre.Console;

namespace ConnectionRules.Cli.Reports;

/// <summary>
/// <c>--format table</c>, the default: a summary line per verdict, then a table of everyone at or above the minimum
/// verdict (everyone who is not Accept, by default), worst first, with the rule ids and a short reason. What comes from
/// the export is written through <see cref="TerminalText.Printable(string)"/>.
/// </summary>
internal static class TableReportWriter
{
    public static void Write(TriageReport report, IAnsiConsole console)
    {
        var content = report.Content;
        var owner = content.Owner is { } o ? $"{TerminalText.Printable(o.Name)}'s LinkedIn export" : "LinkedIn export";
        console.MarkupLine(
            $"[bold]{Markup.Escape(owner)}[/]: {Plural(content.Statistics.Connections, "connection")}, "
            + $"{Plural(content.Statistics.PendingInvitations, "pending invitation")}");
        // Written as it is, never wrapped by the renderer: a path broken over two lines cannot be copied back.
        console.Profile.Out.Writer.WriteLine($"{TerminalText.Printable(report.Export)}{(report.IsSample ? " (the sample export that ships with the tool)" : "")}");
        SummaryLine(console, report, Verdict.Disconnect, "connection to remove", "connections to remove");
        SummaryLine(console, report, Verdict.Decline, "invitation to decline", "invitations to decline");
        SummaryLine(console, report, Verdict.Review, "to look at yourself", "to look at yourself");
        SummaryLine(console, report, Verdict.Accept, "nothing to do", "nothing to do");
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
                    new Text(TerminalText.Printable(result.Name)),
                    new Text(result.Item.Person.IsConnection ? "connection" : "invitation"),
                    new Text(rules),
                    new Text(TerminalText.Printable(reason)));
            }

            console.Write(table);
        }

        if (report.Warnings.Count > 0)
        {
            console.MarkupLine($"[yellow]{Plural(report.Warnings.Count, "row")} of the export skipped or read around; the warnings above say which.[/]");
        }

        console.MarkupLine("[dim]An export holds no mutual connections and no profile facts of others: CR1002, CR3001 and CR3002 cannot fire on it.[/]");
        console.MarkupLine("[dim]Every diagnostic, with the file and line it comes from: --format json or --format sarif.[/]");
    }

    private static Markup VerdictMarkup(Verdict verdict) => verdict switch
    {
        Verdict.Disconnect => new Markup("[bold red]Disconnect[/]"),
        Verdict.Decline => new Markup("[red]Decline[/]"),
        Verdict.Review => new Markup("[yellow]Review[/]"),
        _ => new Markup("[green]Accept[/]"),
    };

    private static void SummaryLine(IAnsiConsole console, TriageReport report, Verdict verdict, string one, string many)
    {
        var markup = VerdictMarkup(verdict);
        var padding = new string(' ', 11 - verdict.ToString().Length);
        console.Write(new Text("  "));
        console.Write(markup);
        var width = Math.Max(4, report.Results.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var count = report.Count(verdict);
        var padded = count.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width);
        console.WriteLine($"{padding}{padded}  {(count == 1 ? one : many)}");
    }

    private static string Plural(int count, string noun) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
