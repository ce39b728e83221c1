using System.Text.Json;
using ConnectionRules.Cli.Tests.Support;
using ConnectionRules.Tests.Support;

namespace ConnectionRules.Cli.Tests;

/// <summary><c>connection-rules triage</c> as a user runs it: on the sample export, on their own, on broken ones.</summary>
public sealed class TriageCommandTests : IDisposable
{
    private const string Ann = "Ann,Lee,https://www.linkedin.com/in/ann-lee,,Fabrikam,Staff Engineer,15 Mar 2024";
    private const string AnnToSam = "Ann Lee,https://www.linkedin.com/in/ann-lee,Sam Rivera,";
    private const string SamToAnn = "Sam Rivera,,Ann Lee,https://www.linkedin.com/in/ann-lee";
    private readonly TempExport _export = new();

    public void Dispose() => _export.Dispose();

    /// <summary>Who in the sample export gets which verdict, and from which rules: the sample is written to show each rule an export can trigger.</summary>
    public static TheoryData<string, Verdict, string[]> SampleVerdicts => new()
    {
        { "Jordan Blake", Verdict.Disconnect, ["CR2001"] },
        { "Kevin O'Brien", Verdict.Disconnect, ["CR2001"] },
        { "Hugo Barrett", Verdict.Disconnect, ["CR2001", "CR2004"] },
        { "Priya Shah", Verdict.Disconnect, ["CR2002"] },
        { "Tyler Grant", Verdict.Decline, ["CR1003"] },
        { "Brooke Sanders", Verdict.Decline, ["CR1003"] },
        { "Gavin Price", Verdict.Decline, ["CR1003"] },
        { "Marcus Webb", Verdict.Review, ["CR2003"] },
        { "Dana Whitfield", Verdict.Review, ["CR2004", "CR2004"] },
        { "Rex Holloway", Verdict.Accept, ["CR3003"] },
        { "Ruby Hayes", Verdict.Accept, ["CR3003"] },
        { "Chris Morgan", Verdict.Accept, ["CR1001"] },
        { "Noah Bennett", Verdict.Accept, ["CR1001"] },
        { "Leo Martins", Verdict.Accept, [] },
        { "Ethan Cole", Verdict.Accept, [] },
        { "Isla Novak", Verdict.Accept, [] },
        { "Nina Brooks", Verdict.Accept, [] },
        { "Zoe Turner", Verdict.Accept, [] },
        { "Ivan Petrov", Verdict.Accept, [] },
    };

    [Fact]
    public void With_no_path_it_triages_the_sample_export_and_prints_the_table()
    {
        var run = Tool.Run("triage");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.DoesNotContain("\u001b[", run.Out, StringComparison.Ordinal);
        Snapshot.Verify(Anonymize(run.Out));
    }

    [Fact]
    public void A_long_export_path_is_printed_whole_on_one_line()
    {
        var folder = Path.Combine(Path.GetTempPath(), "connection-rules-tests", new string('x', 40), new string('y', 60), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Tool.SampleExport))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        try
        {
            var run = Tool.Run("triage", folder);

            Assert.Equal(0, run.ExitCode);
            Assert.True(folder.Length > 120, "The path must be longer than the console is wide.");
            Assert.Equal(folder, run.Out.Split('\n')[1].TrimEnd('\r'));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(SampleVerdicts))]
    public void The_sample_export_judges_each_person_as_written(string name, Verdict verdict, string[] rules)
    {
        var person = SamplePeople().Single(p => p.GetProperty("name").GetString() == name);

        Assert.Equal(verdict.ToString().ToLowerInvariant(), person.GetProperty("verdict").GetString());
        Assert.Equal(rules, person.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
    }

    [Fact]
    public void The_sample_export_makes_every_rule_an_export_can_express_fire()
    {
        var fired = SamplePeople().SelectMany(p => p.GetProperty("diagnostics").EnumerateArray()).Select(d => d.GetProperty("id").GetString()).ToHashSet();

        // CR1002 needs mutual connections, CR3001 and CR3002 profile facts of others: no export holds them.
        Assert.Equal(["CR1001", "CR1003", "CR2001", "CR2002", "CR2003", "CR2004", "CR3003"], fired.Order());
        Assert.True(SamplePeople().Count() >= 40);
        Assert.True(SamplePeople().Count(p => p.GetProperty("verdict").GetString() == "accept") >= 30);
    }

    [Fact]
    public void Json_lists_everyone_with_verdict_and_diagnostics()
    {
        var run = Tool.Run("triage", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Snapshot.Verify(Anonymize(run.Out));
    }

    [Fact]
    public void Sarif_lists_the_rules_and_a_result_per_diagnostic()
    {
        var run = Tool.Run("triage", "--format", "sarif");

        Assert.Equal(0, run.ExitCode);
        Snapshot.Verify(Anonymize(run.Out));
    }

    [Fact]
    public void Sarif_has_the_structure_sarif_2_1_0_requires()
    {
        using var sarif = JsonDocument.Parse(Tool.Run("triage", "--format", "sarif").Out);
        var root = sarif.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.EndsWith("sarif-schema-2.1.0.json", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("connection-rules", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(new RuleEngineBuilder().AddRecommendedRules().Build().Rules.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rules, rule => Assert.StartsWith("https://", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal));
        Assert.All(rules, rule => Assert.EndsWith($"/docs/rules/{rule.GetProperty("id").GetString()}.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(SamplePeople().Sum(p => p.GetProperty("diagnostics").GetArrayLength()), results.Count);
        var ids = rules.Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.All(results, result =>
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.Contains(ruleId, ids);
            Assert.Equal(ruleId, ids[result.GetProperty("ruleIndex").GetInt32()]);
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note", "none" });
            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray());
            var physical = location.GetProperty("physicalLocation");
            Assert.Equal("EXPORT", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.EndsWith(".csv", physical.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
            Assert.True(physical.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            Assert.NotEmpty(location.GetProperty("logicalLocations").EnumerateArray());
        });
        Assert.StartsWith("file:///", run.GetProperty("originalUriBaseIds").GetProperty("EXPORT").GetProperty("uri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_sarif_results_of_one_rule_at_one_message_get_fingerprints_of_their_own()
    {
        static string FromAnn(string at, string text) =>
            $"c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Sam Rivera,https://www.linkedin.com/in/sam,{at},,{text},INBOX,";
        const string FollowUp = "Just following up on my previous message about the meetup.";
        _export.WithConnections(Ann).WithMessages(
            FromAnn("2024-03-16 10:00:00 UTC", "Thanks for connecting, see you at the meetup!"),
            FromAnn("2024-03-17 10:00:00 UTC", FollowUp),
            FromAnn("2024-03-18 10:00:00 UTC", FollowUp),
            FromAnn("2024-03-19 10:00:00 UTC", FollowUp));

        using var sarif = JsonDocument.Parse(Tool.Run("triage", _export.Folder, "--format", "sarif").Out);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(
            ["Ann Lee: Repetitive messaging: 4 sender messages in a row without a reply", "Ann Lee: Repetitive messaging: 3 sender messages with the same or nearly the same text"],
            results.Select(r => r.GetProperty("message").GetProperty("text").GetString()));
        Assert.Equal(
            ["linkedin.com/in/ann-lee|CR2004|messages[3]", "linkedin.com/in/ann-lee|CR2004|messages[3]|2"],
            results.Select(r => r.GetProperty("partialFingerprints").GetProperty("personAndLocation/v1").GetString()));
    }

    [Theory]
    [InlineData("2024-03-15 09:00:00 UTC")]
    [InlineData("2024-03-14 09:00:00 UTC")]
    public void A_pitching_note_sent_on_or_before_the_connection_day_is_judged_as_the_note_not_as_a_pitch_after_acceptance(string at)
    {
        const string Pitch = "Hi Sam, we help logistics companies automate dispatch. Can I show you a quick demo of our platform?";
        _export.WithProfile("Sam", "Rivera").WithConnections(Ann).WithMessages(
            Message(AnnToSam, at, Pitch),
            Message(SamToAnn, "2024-03-15 18:00:00 UTC", "Thanks Ann, not right now."));

        var run = Tool.Run("triage", _export.Folder, "--now", "2025-10-01", "-f", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([("Ann Lee", "accept", "")], People(run.Out));
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(Pitch, json.RootElement.GetProperty("people")[0].GetProperty("note").GetString());
    }

    [Theory]
    [InlineData("Thanks for connecting, Sam! We help logistics companies automate dispatch. Worth a quick demo?")]
    [InlineData("Now that we’re connected: we help logistics companies automate dispatch. Worth a quick demo?")]
    public void A_first_message_on_the_connection_day_that_thanks_for_the_connection_was_sent_after_acceptance(string text)
    {
        _export.WithProfile("Sam", "Rivera").WithConnections(Ann).WithMessages(Message(AnnToSam, "2024-03-15 14:00:00 UTC", text));

        var run = Tool.Run("triage", _export.Folder, "--now", "2025-10-01", "-f", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([("Ann Lee", "disconnect", "CR2001")], People(run.Out));
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("people")[0].GetProperty("note").ValueKind);
    }

    [Theory]
    [InlineData("2024-03-15 01:00:00 UTC", "Hi Sam, I would like to invite you to our free meetup group for logistics leaders.")]
    [InlineData("2024-03-14 01:00:00 UTC", "Hi Sam, I would like to invite you to our free meetup group for logistics leaders.")]
    [InlineData("2024-03-12 09:00:00 UTC", "Hi Sam, it would be great to connect. I would like to invite you to our free meetup group for logistics leaders.")]
    [InlineData("2024-03-15 09:00:00 UTC", "Hi Sam, nice to connect! I would like to invite you to our free meetup group for logistics leaders.")]
    [InlineData("2024-03-14 09:00:00 UTC", "Thanks for connecting! I would like to invite you to our free meetup group for logistics leaders.")]
    public void A_meetup_note_sent_on_or_before_the_connection_day_then_a_pitch_days_later_is_bait_and_switch(string at, string note)
    {
        // Before the Connected On day a message is the note whatever it says; on that day, unless it thanks for the
        // connection. "Great to connect" looks forward, and stays a note.
        _export.WithProfile("Sam", "Rivera").WithConnections(Ann).WithMessages(
            Message(AnnToSam, at, note),
            Message(AnnToSam, "2024-03-22 10:00:00 UTC", "We help logistics companies automate dispatch. Can I show you a quick demo of our platform?"));

        var run = Tool.Run("triage", _export.Folder, "--now", "2025-10-01", "-f", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([("Ann Lee", "disconnect", "CR2002")], People(run.Out));
    }

    [Fact]
    public void A_pitch_answering_the_owners_first_message_on_the_connection_day_is_still_a_pitch_after_acceptance()
    {
        _export.WithProfile("Sam", "Rivera").WithConnections(Ann).WithMessages(
            Message(SamToAnn, "2024-03-15 08:00:00 UTC", "Welcome, Ann!"),
            Message(AnnToSam, "2024-03-15 09:00:00 UTC", "Hi Sam, we help logistics companies automate dispatch. Can I show you a quick demo of our platform?"));

        var run = Tool.Run("triage", _export.Folder, "--now", "2025-10-01", "-f", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([("Ann Lee", "disconnect", "CR2001")], People(run.Out));
        using var json = JsonDocument.Parse(run.Out);
        var ann = json.RootElement.GetProperty("people")[0];
        Assert.Equal(JsonValueKind.Null, ann.GetProperty("note").ValueKind);
        Assert.Equal("2024-03-15T00:00:00+00:00", ann.GetProperty("acceptedAt").GetString());
        Assert.StartsWith("A sales pitch arrived 9 h after the request was accepted", ann.GetProperty("diagnostics")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_prints_control_and_bidi_characters_of_the_export_as_visible_escapes()
    {
        // As LinkedIn writes them: HTML entities, which reading decodes into the characters themselves.
        _export.WithProfile("Sam", "Rivera").WithConnections(
            "&#27;[31mRED&#27;[0m &#27;]0;pwned&#7;,Lee,https://www.linkedin.com/in/ann-lee,,,,15 Mar 2024",
            "Bo&#0;&#1;&#31;,Ek,https://www.linkedin.com/in/bo-ek,,,,15 Mar 2024",
            "Cy&#8238;Ro,Tab&#9;Line&#10;Break,https://www.linkedin.com/in/cy-ro,,Acme&#8206;&#8294;,LION open networker&#133;,15 Mar 2024");

        var run = Tool.Run("triage", _export.Folder, "--min-verdict", "accept");

        Assert.Equal(0, run.ExitCode);
        AssertPrintable(run.Out);
        // The Person column wraps at spaces.
        Assert.Contains(@"\u001B[31mRED\u001B[0m", run.Out, StringComparison.Ordinal);
        Assert.Contains(@"\u001B]0;pwned\u0007 Lee", run.Out, StringComparison.Ordinal);
        Assert.Contains(@"Bo\u0000\u0001\u001F Ek", run.Out, StringComparison.Ordinal);
        Assert.Contains(@"Cy\u202ERo Tab\u0009Line\u000ABreak", run.Out, StringComparison.Ordinal);
        // JSON keeps the names exact.
        Assert.Equal(
            ["\u001B[31mRED\u001B[0m \u001B]0;pwned\u0007 Lee", "Bo\u0000\u0001\u001F Ek", "Cy\u202ERo Tab\tLine\nBreak"],
            People(Tool.Run("triage", _export.Folder, "--format", "json").Out).Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Warnings_and_errors_print_the_values_they_quote_with_control_characters_escaped()
    {
        _export.WithProfile("Sam", "Rivera")
            .WithConnections(Ann, "&#27;]0;pwned&#7;Bo,Ek&#8238;,https://www.linkedin.com/in/bo-ek,,,,")
            .WithInvitations("Cy Ro,Sam Rivera,\"3/14/24, 6:30 PM\",,IN&#27;[2JCOMING&#13;,https://www.linkedin.com/in/cy-ro,");

        var run = Tool.Run("triage", _export.Folder);

        Assert.Equal(0, run.ExitCode);
        AssertPrintable(run.Error);
        Assert.Equal(2, run.ErrorLines.Length);
        Assert.Contains(@"\u001B]0;pwned\u0007Bo Ek\u202E has no ""Connected On"" date; skipped.", run.Error, StringComparison.Ordinal);
        Assert.Contains(@"""Direction"" is ""IN\u001B[2JCOMING\u000D"", neither INCOMING nor OUTGOING; skipped.", run.Error, StringComparison.Ordinal);

        _export.WithConnections("Dee,Fox,https://www.linkedin.com/in/dee-fox,,,,15&#27;[8m Mar&#8238; 2024");
        var failed = Tool.Run("triage", _export.Folder);

        Assert.Equal(2, failed.ExitCode);
        AssertPrintable(failed.Error);
        Assert.Contains(@"""15\u001B[8m Mar\u202E 2024"" in ""Connected On"" is not a date", Assert.Single(failed.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sarif_result_points_at_the_csv_row_of_the_message_it_is_about()
    {
        using var sarif = JsonDocument.Parse(Tool.Run("triage", "--format", "sarif", "--min-verdict", "disconnect").Out);
        var jordan = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("properties").GetProperty("person").GetString() == "Jordan Blake");
        var location = jordan.GetProperty("locations")[0];
        var line = location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32();

        Assert.Equal("messages.csv", location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("Jordan Blake.messages[0]", location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
        Assert.Contains("We help logistics teams cut freight costs", File.ReadAllLines(Path.Combine(Tool.SampleExport, "messages.csv"))[line - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_zip_linkedin_sends_gives_what_the_extracted_folder_gives()
    {
        foreach (var file in Directory.EnumerateFiles(Tool.SampleExport))
        {
            File.Copy(file, Path.Combine(_export.Folder, Path.GetFileName(file)));
        }

        var zip = _export.Zip();
        var fromFolder = Tool.Run("triage", _export.Folder, "--format", "json");
        var fromZip = Tool.Run("triage", zip, "--format", "json");

        Assert.Equal(0, fromZip.ExitCode);
        Assert.Equal(People(fromFolder.Out), People(fromZip.Out));
    }

    [Fact]
    public void Output_goes_to_the_file_named_and_nothing_to_standard_output()
    {
        var path = _export.PathOf("report.txt");

        var run = Tool.Run("triage", "--output", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        var text = File.ReadAllText(path);
        Assert.Contains("Jordan Blake", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("disconnect", 4)]
    [InlineData("decline", 7)]
    [InlineData("review", 9)]
    [InlineData("accept", 45)]
    public void Min_verdict_lists_that_verdict_and_worse(string minVerdict, int expected)
    {
        var run = Tool.Run("triage", "--format", "json", "--min-verdict", minVerdict);

        Assert.Equal(expected, People(run.Out).Count);
    }

    [Fact]
    public void A_malformed_row_is_a_warning_naming_file_and_line_and_the_rest_is_triaged()
    {
        _export.WithProfile("Sam", "Rivera").WithConnections(Ann, "Bo,\"Ek \"x\",https://www.linkedin.com/in/bo,,,,1 Apr 2024", "Cy,Ro,https://www.linkedin.com/in/cy,,,,2 Apr 2024");

        var run = Tool.Run("triage", _export.Folder, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var warning = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"warning: {Path.Combine(_export.Folder, "Connections.csv")}, line 6: ", warning, StringComparison.Ordinal);
        Assert.Equal(["Ann Lee", "Cy Ro"], People(run.Out).Select(p => p.Name).Order());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(6, json.RootElement.GetProperty("warnings")[0].GetProperty("line").GetInt32());
    }

    public static TheoryData<string, string> BrokenExports => new()
    {
        { "missing column", "Connections.csv, line 4: the header has no \"Connected On\" column" },
        { "bad date", "Connections.csv, line 5: \"2024-15-03\" in \"Connected On\" is not a date like \"15 Mar 2024\"" },
        { "bad message date", "messages.csv, line 3: \"yesterday\" in DATE is not a date like \"2024-03-15 14:02:11 UTC\"" },
        { "year one", "Connections.csv, line 5: \"1 Jan 0001\" in \"Connected On\" is before LinkedIn opened, in May 2003: the file was edited." },
        { "message in year one", "messages.csv, line 2: \"0001-01-01 00:00:00 UTC\" in DATE is before LinkedIn opened, in May 2003: the file was edited." },
        { "not an export", "not a LinkedIn data export: it holds neither Connections.csv nor Invitations.csv" },
        { "not linkedin csv", "Connections.csv: no header row with First Name,Last Name,URL,Connected On before the end of the file" },
    };

    [Theory]
    [MemberData(nameof(BrokenExports))]
    public void An_unusable_export_exits_2_with_one_line_naming_the_file_and_line(string kind, string expected)
    {
        _ = kind switch
        {
            "missing column" => _export.With("Connections.csv", TempExport.ConnectionsPreamble + "First Name,Last Name,URL,Email Address,Company,Position\n" + "Ann,Lee,u,,,\n"),
            "bad date" => _export.WithConnections("Ann,Lee,https://www.linkedin.com/in/ann-lee,,,,2024-15-03"),
            "bad message date" => _export.WithConnections(Ann).WithMessages("c,,Ann Lee,,Sam Rivera,,2024-03-16 10:00:00 UTC,,Hi,INBOX,", "c,,Ann Lee,,Sam Rivera,,yesterday,,Hi,INBOX,"),
            "not an export" => _export.With("notes.txt", "my notes"),
            "year one" => _export.WithConnections("Ann,Lee,https://www.linkedin.com/in/ann-lee,,,,1 Jan 0001"),
            "message in year one" => _export.WithConnections(Ann).WithMessages("c,,Ann Lee,,Sam Rivera,,0001-01-01 00:00:00 UTC,,Hi,INBOX,"),
            _ => _export.With("Connections.csv", "Name,Email\nAnn,a@example.com\n"),
        };

        var run = Tool.Run("triage", _export.Folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_entry_compressed_in_a_way_dotnet_cannot_read_exits_2_naming_the_entry()
    {
        _export.WithConnections(Ann);
        var zip = _export.Zip();
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Read))
        {
            Assert.Equal("Connections.csv", Assert.Single(archive.Entries).FullName);
        }

        // Compression method 14 (LZMA), in the local header (offset 8) and the central directory entry (offset 10).
        var bytes = File.ReadAllBytes(zip);
        var central = bytes.AsSpan().IndexOf("PK\u0001\u0002"u8);
        bytes[8] = 14;
        bytes[9] = 0;
        bytes[central + 10] = 14;
        bytes[central + 11] = 0;
        File.WriteAllBytes(zip, bytes);

        var run = Tool.Run("triage", zip);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"error: Connections.csv in {zip}: cannot be read: ", error, StringComparison.Ordinal);
        Assert.EndsWith("The zip may be encrypted, damaged, or compressed with a method .NET does not read: extract it with your archive tool and give the folder.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_entry_damaged_in_its_data_exits_2_naming_the_entry_rather_than_triaging_what_it_reads()
    {
        // Stored, not compressed: a changed byte still decompresses, so only the entry's CRC-32 can tell.
        _export.WithConnections(Ann).WithMessages($"c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Sam Rivera,,2024-03-16 10:00:00 UTC,,Hello there,INBOX,");
        var zip = _export.Zip(compression: System.IO.Compression.CompressionLevel.NoCompression);
        var bytes = File.ReadAllBytes(zip);
        var at = bytes.AsSpan().IndexOf("Hello there"u8);
        Assert.True(at > 0);
        bytes[at] = (byte)'J';
        File.WriteAllBytes(zip, bytes);

        var run = Tool.Run("triage", zip);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"error: messages.csv in {zip}: cannot be read: its data is damaged: its CRC-32 is ", error, StringComparison.Ordinal);
        Assert.EndsWith("Download the export from LinkedIn again, or extract what your archive tool can of it and give the folder.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undamaged_stored_zip_passes_the_check()
    {
        _export.WithConnections(Ann).WithMessages($"c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Sam Rivera,,2024-03-16 10:00:00 UTC,,Hello there,INBOX,");

        var run = Tool.Run("triage", _export.Zip(compression: System.IO.Compression.CompressionLevel.NoCompression));

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    public void The_report_does_not_depend_on_the_current_culture(string culture)
    {
        var expected = Tool.Run("triage", "--format", "json").Out;
        var previous = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        string actual;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
            actual = Tool.Run("triage", "--format", "json").Out;
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = previous;
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_path_that_does_not_exist_exits_2()
    {
        var run = Tool.Run("triage", _export.PathOf("nowhere"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {_export.PathOf("nowhere")}: no such file or folder.", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_exits_2()
    {
        var path = _export.PathOf("export.zip");
        File.WriteAllText(path, "not a zip");

        var run = Tool.Run("triage", path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {path}: not a zip archive", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_configuration_file_tunes_severities_and_options()
    {
        var config = _export.PathOf("rules.json");
        File.WriteAllText(config, """{ "ConnectionRules": { "PitchWindow": "2.00:00:00", "Rules": { "CR1001": "error" }, "Categories": { "Authenticity": "none" } } }""");

        var run = Tool.Run("triage", "--format", "json", "--config", config);

        Assert.Equal(0, run.ExitCode);
        var people = People(run.Out);
        Assert.Equal("decline", people.Single(p => p.Name == "Chris Morgan").Verdict);
        Assert.Equal("CR2004", people.Single(p => p.Name == "Hugo Barrett").Rules);
        Assert.Equal("", people.Single(p => p.Name == "Rex Holloway").Rules);
    }

    public static TheoryData<string, string> BrokenConfigurations => new()
    {
        { """{ "ConnectionRules": { "Rules": { "CR1001": "eror" } } }""", "rules.json: ConnectionRules:Rules:CR1001" },
        { """{ "ConnectionRules": { "Rules": { "CR9999": "error" } } }""", "rules.json: ConnectionRules:Rules:CR9999" },
        { "{ \"ConnectionRules\": {\n  \"Rules\": { \"CR1001\": \"error\" \n}", "rules.json, line 3: not valid JSON" },
        { """{ "Rules": { "CR1001": "error" } }""", "rules.json: no \"ConnectionRules\" section (it has \"Rules\")" },
        { """{ "ConnectionRules": null }""", "rules.json: the \"ConnectionRules\" section is empty" },
        { """{ "ConnectionRules": { } }""", "rules.json: the \"ConnectionRules\" section is empty" },
    };

    [Theory]
    [MemberData(nameof(BrokenConfigurations))]
    public void A_bad_configuration_exits_2_naming_the_file_and_the_problem(string json, string expected)
    {
        var config = _export.PathOf("rules.json");
        File.WriteAllText(config, json);

        var run = Tool.Run("triage", "--config", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains(expected, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_configuration_file_exits_2()
    {
        var run = Tool.Run("triage", "--config", _export.PathOf("missing.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {_export.PathOf("missing.json")}: no such file", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--min-verdict", "maybe")]
    [InlineData("first-export", "second-export")]
    [InlineData("--format", "2")]
    [InlineData("--format", "table,json")]
    [InlineData("--min-verdict", "3")]
    [InlineData("--min-verdict", "-1")]
    [InlineData("--bogus")]
    [InlineData("-x")]
    public void A_bad_command_line_exits_2_with_usage_advice(params string[] args)
    {
        var run = Tool.Run(["triage", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(2, run.ErrorLines.Length);
        Assert.StartsWith("error: ", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal("Run 'connection-rules triage --help' for usage.", run.ErrorLines[^1]);
    }

    [Theory]
    [InlineData("--format", "xml", "--format 'xml' is not one of table, json, sarif.")]
    [InlineData("--format", "table,json", "--format 'table,json' is not one of table, json, sarif.")]
    [InlineData("--min-verdict", "3", "--min-verdict '3' is not one of accept, review, decline, disconnect.")]
    public void A_name_that_is_not_a_value_is_one_line_listing_the_values(string option, string value, string message) =>
        Assert.Equal("error: " + message, Tool.Run("triage", option, value).ErrorLines[0]);

    [Fact]
    public void An_unknown_option_is_named_as_one_not_as_a_missing_export() =>
        Assert.Equal(
            "error: --bogus is neither an option of triage nor a file or folder that exists; the options are --format, --output, --config, --min-verdict and --now.",
            Tool.Run("triage", "--bogus").ErrorLines[0]);

    [Theory]
    [InlineData("json")]
    [InlineData("JSON")]
    public void Names_are_read_in_any_case(string format) =>
        Assert.StartsWith("{", Tool.Run("triage", "--format", format).Out, StringComparison.Ordinal);

    [Fact]
    public void Folders_given_for_files_and_an_empty_path_are_named_as_such()
    {
        var folder = _export.Root;

        Assert.Equal(
            $"error: --output {folder} is a folder; give the path of the file to write, such as {Path.Combine(folder, "report.json")}.",
            Assert.Single(Tool.Run("triage", "--format", "json", "--output", folder).ErrorLines));
        Assert.StartsWith($"error: {folder}: a folder, not a file (--config).", Assert.Single(Tool.Run("triage", "--config", folder).ErrorLines), StringComparison.Ordinal);
        Assert.Equal(
            "error: the export path is empty; give the folder you extracted from LinkedIn, or the .zip file itself.",
            Assert.Single(Tool.Run("triage", "").ErrorLines));
    }

    [Fact]
    public void A_count_of_one_reads_in_the_singular()
    {
        // Without CR2001, Priya Shah's bait-and-switch (CR2002) is the sample's one disconnect.
        var config = _export.PathOf("rules.json");
        File.WriteAllText(config, """{ "ConnectionRules": { "Rules": { "CR2001": "none" } } }""");

        var table = Tool.Run("triage", "--config", config, "--min-verdict", "disconnect").Out;

        Assert.Matches(@"Disconnect\s+1  connection to remove\n", table);
        Assert.Matches(@"Decline\s+3  invitations to decline\n", table);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("10/01/2025")]
    public void Now_must_be_an_iso_date(string now)
    {
        var run = Tool.Run("triage", "--now", now);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--now \"{now}\" is not an ISO 8601 date and time", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-01-02T03:04:05Z")]
    [InlineData("2026-01-02T04:04:05+01:00")]
    [InlineData("2026-01-02 03:04:05")]
    [InlineData("2026-01-02 03:04:05 +00:00")]
    public void Now_takes_iso_8601_with_a_t_or_a_space(string now)
    {
        using var json = JsonDocument.Parse(Tool.Run("triage", "--format", "json", "--now", now).Out);

        Assert.Equal("2026-01-02T03:04:05+00:00", json.RootElement.GetProperty("evaluatedAt").GetString());
    }

    [Fact]
    public void Now_sets_the_instant_of_the_report()
    {
        using var json = JsonDocument.Parse(Tool.Run("triage", "--format", "json", "--now", "2026-01-02T03:04:05Z").Out);

        Assert.Equal("2026-01-02T03:04:05+00:00", json.RootElement.GetProperty("evaluatedAt").GetString());
    }

    [Fact]
    public void Help_lists_the_options()
    {
        var run = Tool.Run("triage", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--format", "--output", "--config", "--min-verdict", "--now", "PATH" })
        {
            Assert.Contains(option, run.Out, StringComparison.Ordinal);
        }
    }

    /// <summary>Asserts that text holds no character a terminal would obey or reorder by: line breaks end lines, nothing else.</summary>
    private static void AssertPrintable(string text) =>
        Assert.All(
            text.Where(c => c is not ('\n' or '\r')),
            c => Assert.False(char.IsControl(c) || c is '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'), $"U+{(int)c:X4} printed raw"));

    /// <summary>A row of messages.csv in the conversation of Ann and Sam, the text quoted as LinkedIn quotes it.</summary>
    private static string Message(string fromTo, string at, string text) =>
        $"c1,,{fromTo},{at},,\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\",INBOX,";

    private static IEnumerable<JsonElement> SamplePeople()
    {
        var json = JsonDocument.Parse(Tool.Run("triage", "--format", "json").Out);
        return json.RootElement.GetProperty("people").EnumerateArray().ToList();
    }

    private static List<(string Name, string Verdict, string Rules)> People(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("people").EnumerateArray()
            .Select(p => (
                p.GetProperty("name").GetString()!,
                p.GetProperty("verdict").GetString()!,
                string.Join(" ", p.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()))))
            .ToList();
    }

    /// <summary>The sample export's path differs per checkout; the snapshot holds a placeholder.</summary>
    private static string Anonymize(string text)
    {
        var uri = new Uri(Tool.SampleExport + Path.DirectorySeparatorChar).AbsoluteUri;
        return text.Replace(uri, "file:///{SampleExport}/", StringComparison.Ordinal)
            .Replace(JsonEncodedText.Encode(Tool.SampleExport).ToString(), "{SampleExport}", StringComparison.Ordinal)
            .Replace(Tool.SampleExport, "{SampleExport}", StringComparison.Ordinal);
    }
}
