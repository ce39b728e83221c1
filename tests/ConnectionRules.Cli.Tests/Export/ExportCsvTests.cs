using ConnectionRules.Cli.Export;
using ConnectionRules.Cli.Tests.Support;

namespace ConnectionRules.Cli.Tests.Export;

/// <summary>Reading one CSV file of an export, quirks and all.</summary>
public sealed class ExportCsvTests : IDisposable
{
    private static readonly string[] ConnectionColumns = ["First Name", "Last Name", "URL", "Connected On"];
    private readonly TempExport _export = new();
    private readonly List<ExportWarning> _warnings = [];

    public void Dispose() => _export.Dispose();

    [Fact]
    public void The_header_is_found_below_the_connections_preamble_and_its_byte_order_mark()
    {
        _export.WithConnections("Ann,Lee,https://www.linkedin.com/in/ann-lee,,Fabrikam,Engineer,15 Mar 2024");

        var rows = Read("Connections.csv", ConnectionColumns);

        var row = Assert.Single(rows);
        Assert.Equal(["Ann", "Lee", "https://www.linkedin.com/in/ann-lee", "15 Mar 2024"], row.Values);
        Assert.Equal(5, row.Line);
        Assert.Empty(_warnings);
    }

    [Fact]
    public void The_first_header_name_is_read_even_behind_a_byte_order_mark_without_a_preamble()
    {
        _export.With("Connections.csv", TempExport.ConnectionsHeader + "Ann,Lee,u,,,,15 Mar 2024\n", bom: true);

        Assert.Equal("Ann", Assert.Single(Read("Connections.csv", ConnectionColumns)).Values[0]);
    }

    [Fact]
    public void A_quoted_field_keeps_its_commas_and_line_breaks_and_the_next_row_has_its_own_line_number()
    {
        _export.WithMessages(
            "c1,,Ann Lee,u1,Sam Rivera,u2,2024-03-15 14:02:11 UTC,,\"Hi Sam,\nthree lines,\nwith commas\",INBOX,",
            "c1,,Sam Rivera,u2,Ann Lee,u1,2024-03-15 15:00:00 UTC,,Thanks!,SENT,");

        var rows = Read("messages.csv", ["FROM", "TO", "DATE", "CONTENT"]);

        Assert.Equal(2, rows.Count);
        Assert.Equal("Hi Sam,\nthree lines,\nwith commas", rows[0].Values[3]);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal(5, rows[1].Line);
    }

    [Fact]
    public void Html_entities_are_decoded()
    {
        _export.WithMessages("c1,,Ann Lee,u1,Sam Rivera,u2,2024-03-15 14:02:11 UTC,,We&#39;re Smith &amp; Sons &quot;now&quot;,INBOX,");

        Assert.Equal("We're Smith & Sons \"now\"", Assert.Single(Read("messages.csv", ["FROM", "TO", "DATE", "CONTENT"])).Values[3]);
    }

    [Fact]
    public void Rows_of_nothing_but_commas_and_blank_lines_are_skipped_without_a_warning()
    {
        _export.WithConnections(",,,,,,", "Ann,Lee,u,,,,15 Mar 2024", "", " , ,,,,,", "Bo,Ek,v,,,,16 Mar 2024");

        var rows = Read("Connections.csv", ConnectionColumns);

        Assert.Equal(["Ann", "Bo"], rows.Select(r => r.Values[0]));
        Assert.Empty(_warnings);
    }

    [Fact]
    public void A_row_too_short_for_the_required_columns_is_reported_with_its_line_and_skipped()
    {
        _export.WithConnections("Ann,Lee,u,,,,15 Mar 2024", "Bo,Ek", "Cy,Ro,w,,,,17 Mar 2024");

        var rows = Read("Connections.csv", ConnectionColumns);

        Assert.Equal(["Ann", "Cy"], rows.Select(r => r.Values[0]));
        var warning = Assert.Single(_warnings);
        Assert.Equal(6, warning.Line);
        Assert.Contains("2 field(s) where 7 are needed; skipped", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ragged_row_missing_only_optional_columns_is_read()
    {
        _export.With("Invitations.csv", TempExport.InvitationsHeader + "Ann Lee,Sam Rivera,\"9/27/25, 8:41 AM\",,INCOMING\n");

        var row = Assert.Single(Read("Invitations.csv", ["From", "To", "Sent At", "Direction"]));

        Assert.Equal("INCOMING", row.Values[3]);
        Assert.Empty(_warnings);
    }

    [Fact]
    public void A_row_with_a_stray_quote_is_reported_and_skipped_and_reading_goes_on()
    {
        _export.WithConnections("Ann,Lee,u,,,,15 Mar 2024", "Bo,Ek \"the\" Great,v,,,,16 Mar 2024", "Cy,Ro,w,,,,17 Mar 2024");

        var rows = Read("Connections.csv", ConnectionColumns);

        Assert.Equal(["Ann", "Cy"], rows.Select(r => r.Values[0]));
        var warning = Assert.Single(_warnings);
        Assert.Equal(6, warning.Line);
        Assert.Contains("quote inside an unquoted field", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unterminated_quote_is_reported_with_the_line_it_opens_on()
    {
        _export.WithConnections("Ann,Lee,u,,,,15 Mar 2024", "Bo,\"Ek,v,,,,16 Mar 2024", "Cy,Ro,w,,,,17 Mar 2024");

        var rows = Read("Connections.csv", ConnectionColumns);

        Assert.Equal(["Ann"], rows.Select(r => r.Values[0]));
        var warning = Assert.Single(_warnings);
        Assert.Equal(6, warning.Line);
        Assert.Contains("never closed, so the rest of the file (2 line(s)) is one broken row", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_left_open_until_a_later_line_names_every_line_it_swallowed()
    {
        _export.WithConnections(
            "Ann,Lee,u,,,,15 Mar 2024",
            "Bo,Ek,v,,\"Fabrikam, Inc.,Engineer,16 Mar 2024",
            "Cy,Ro,w,,,,17 Mar 2024",
            "Di,Ay,x,,\"Contoso\",Engineer,18 Mar 2024",
            "Ed,Po,y,,,,19 Mar 2024");

        var rows = Read("Connections.csv", ConnectionColumns);

        Assert.Equal(["Ann", "Ed"], rows.Select(r => r.Values[0]));
        var warning = Assert.Single(_warnings);
        Assert.Equal(6, warning.Line);
        Assert.Contains("opens on line 6 closes only on line 8, with text after it; lines 6 to 8 (3 lines) were read as one row and are all skipped", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_nothing_but_malformed_rows_is_not_called_empty_but_not_a_linkedin_file()
    {
        _export.With("Connections.csv", "{\"a\": 1}\n");

        var exception = Assert.Throws<UnusableExportException>(() => Read("Connections.csv", ConnectionColumns));

        Assert.Contains("not the Connections.csv of a LinkedIn data export", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_warnings, w => w.Message.Contains("empty", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(';', "semicolons")]
    [InlineData('\t', "tabs")]
    public void A_header_separated_otherwise_than_by_commas_is_named_as_a_spreadsheet_re_save_at_its_line(char separator, string name)
    {
        _export.With("Connections.csv", TempExport.ConnectionsPreamble + TempExport.ConnectionsHeader.Replace(',', separator) + $"Ann{separator}Lee{separator}u{separator}{separator}{separator}{separator}15 Mar 2024\n");

        var exception = Assert.Throws<UnusableExportException>(() => Read("Connections.csv", ConnectionColumns));

        Assert.Equal(4, exception.Line);
        Assert.Contains($"the header is separated by {name}, not commas: the file was re-saved by a spreadsheet.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_column_is_unusable_and_named_with_the_header_line()
    {
        _export.With("Connections.csv", TempExport.ConnectionsPreamble + "First Name,Last Name,URL,Email Address,Company,Position\nAnn,Lee,u,,,\n");

        var exception = Assert.Throws<UnusableExportException>(() => Read("Connections.csv", ConnectionColumns));

        Assert.Equal(4, exception.Line);
        Assert.Contains("no \"Connected On\" column", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("Connections.csv", exception.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_the_header_is_not_a_linkedin_file()
    {
        _export.With("Connections.csv", "name,email\nAnn,ann@example.com\n");

        var exception = Assert.Throws<UnusableExportException>(() => Read("Connections.csv", ConnectionColumns));

        Assert.Contains("no header row with First Name,Last Name,URL,Connected On", exception.Message, StringComparison.Ordinal);
        Assert.Contains("not the Connections.csv of a LinkedIn data export", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_reads_as_no_rows_with_a_warning()
    {
        _export.With("Invitations.csv", "");

        Assert.Empty(Read("Invitations.csv", ["From", "To", "Sent At", "Direction"]));
        Assert.Contains("empty", Assert.Single(_warnings).Message, StringComparison.Ordinal);
    }

    private List<(long Line, string[] Values)> Read(string name, string[] columns)
    {
        using var source = ExportSource.Open(_export.Folder);
        using var csv = ExportCsv.Open(source.Find(name)!, columns, _warnings.Add);
        var rows = new List<(long, string[])>();
        while (csv.Read())
        {
            rows.Add((csv.Line, columns.Select(csv.Get).ToArray()));
        }

        return rows;
    }
}
