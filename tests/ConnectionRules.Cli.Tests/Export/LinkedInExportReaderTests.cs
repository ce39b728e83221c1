using ConnectionRules.Cli.Export;
using ConnectionRules.Cli.Tests.Support;

namespace ConnectionRules.Cli.Tests.Export;

/// <summary>Reading a whole export: which files, the join per person, the owner, and the request built per person.</summary>
public sealed class LinkedInExportReaderTests : IDisposable
{
    private const string Ann = "Ann,Lee,https://www.linkedin.com/in/ann-lee,,Fabrikam,Staff Engineer,15 Mar 2024";
    private readonly TempExport _export = new();
    private readonly List<ExportWarning> _warnings = [];

    public void Dispose() => _export.Dispose();

    [Fact]
    public void Messages_and_endorsements_join_a_connection_by_url_whatever_the_scheme_www_slash_or_case()
    {
        _export.WithProfile("Sam", "Rivera")
            .WithConnections(Ann)
            .WithMessages(
                "c1,,Ann Lee,https://www.linkedin.com/in/Ann-Lee/,Sam Rivera,https://www.linkedin.com/in/sam,2024-03-16 10:00:00 UTC,,Hi Sam,INBOX,",
                "c1,,Sam Rivera,https://www.linkedin.com/in/sam,Ann Lee,http://linkedin.com/in/ann-lee,2024-03-16 11:00:00 UTC,,Hi Ann,SENT,")
            .WithEndorsements("2024/03/17 09:00:00 UTC,Kubernetes,Ann,Lee,www.linkedin.com/in/ann-lee,ACCEPTED");

        var request = Single();

        Assert.Equal("linkedin.com/in/ann-lee", request.Id);
        Assert.Equal(
            [new Message(At("2024-03-16T10:00:00Z"), "Hi Sam", MessageDirection.FromSender), new Message(At("2024-03-16T11:00:00Z"), "Hi Ann", MessageDirection.FromRecipient)],
            request.Messages);
        Assert.Equal([new Endorsement(At("2024-03-17T09:00:00Z"), "Kubernetes")], request.Endorsements);
        Assert.Empty(_warnings);
    }

    [Fact]
    public void Without_a_matching_url_the_full_name_joins()
    {
        _export.WithProfile("Sam", "Rivera")
            .WithConnections(Ann)
            .WithMessages("c1,,ann  LEE,,Sam Rivera,,2024-03-16 10:00:00 UTC,,Hi Sam,INBOX,")
            .WithEndorsements("2024/03/17 09:00:00 UTC,Kubernetes,Ann,Lee,www.linkedin.com/in/ACoAAB123,ACCEPTED");

        var request = Single();

        Assert.Single(request.Messages);
        Assert.Single(request.Endorsements);
    }

    [Fact]
    public void A_name_two_connections_share_joins_neither()
    {
        _export.WithProfile("Sam", "Rivera")
            .WithConnections(Ann, "Ann,Lee,https://www.linkedin.com/in/ann-lee-2,,Litware,Designer,16 Mar 2024")
            .WithMessages("c1,,Ann Lee,,Sam Rivera,,2024-03-18 10:00:00 UTC,,Hi Sam,INBOX,");

        var content = Read();

        Assert.All(RequestFactory.Create(content), item => Assert.Empty(item.Request.Messages));
        Assert.Equal(1, content.Statistics.MessagesWithOthers);
    }

    [Fact]
    public void A_stranger_who_shares_a_connections_name_but_not_the_profile_url_is_another_person()
    {
        _export.WithProfile("Sam", "Rivera")
            .WithConnections(Ann)
            .WithInvitations("Ann Lee,Sam Rivera,\"9/27/25, 8:41 AM\",Buy my course,INCOMING,https://www.linkedin.com/in/ann-lee-99,https://www.linkedin.com/in/sam")
            .WithEndorsements("2024/03/17 09:00:00 UTC,Sales,Ann,Lee,www.linkedin.com/in/ann-lee-99,ACCEPTED");

        var content = Read();
        var items = RequestFactory.Create(content);

        var connection = items.Single(i => i.Person.IsConnection).Request;
        Assert.Equal("linkedin.com/in/ann-lee", connection.Id);
        Assert.Null(connection.Note);
        Assert.Empty(connection.Endorsements);
        var pending = items.Single(i => i.Person.IsPendingInvitation).Request;
        Assert.Equal("linkedin.com/in/ann-lee-99", pending.Id);
        Assert.Equal("Buy my course", pending.Note);
        Assert.Equal(1, content.Statistics.PendingInvitations);
    }

    [Fact]
    public void A_mobile_or_country_profile_url_joins_by_url_even_when_the_name_is_shared()
    {
        _export.WithProfile("Sam", "Rivera")
            .WithConnections(Ann, "Ann,Lee,https://www.linkedin.com/in/ann-lee-2,,Litware,Designer,16 Mar 2024")
            .WithMessages("c1,,Ann Lee,https://m.linkedin.com/in/ann-lee/,Sam Rivera,https://www.linkedin.com/in/sam,2024-03-18 10:00:00 UTC,,Hi from my phone,INBOX,")
            .WithEndorsements("2024/03/17 09:00:00 UTC,Kubernetes,Ann,Lee,de.linkedin.com/in/ann-lee-2,ACCEPTED");

        var items = RequestFactory.Create(Read());

        Assert.Equal("Hi from my phone", Assert.Single(items.Single(i => i.Request.Id == "linkedin.com/in/ann-lee").Request.Messages).Text);
        Assert.Single(items.Single(i => i.Request.Id == "linkedin.com/in/ann-lee-2").Request.Endorsements);
    }

    [Fact]
    public void A_group_conversation_is_not_a_one_to_one_exchange_whoever_writes_in_it()
    {
        const string Group = "g1,Team,Bo Ek,https://www.linkedin.com/in/bo-ek,\"Sam Rivera, Ann Lee\",\"https://www.linkedin.com/in/sam,https://www.linkedin.com/in/ann-lee\",2024-03-2{0} 10:00:00 UTC,,Update {0},INBOX,";
        _export.WithProfile("Sam", "Rivera")
            .WithConnections(Ann, "Bo,Ek,https://www.linkedin.com/in/bo-ek,,,,15 Mar 2024")
            .WithMessages(
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Group, 1),
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Group, 2),
                "c2,,Bo Ek,https://www.linkedin.com/in/bo-ek,Sam Rivera,\"https://www.linkedin.com/in/sam, https://www.linkedin.com/in/sam/\",2024-03-23 10:00:00 UTC,,Just you and me,INBOX,");

        var content = Read();

        var bo = RequestFactory.Create(content).Single(i => i.Person.Name == "Bo Ek").Request;
        Assert.Equal(["Just you and me"], bo.Messages.Select(m => m.Text));
        Assert.Equal((2, 1), (content.Statistics.GroupMessages, content.Statistics.MessagesAttributed));
    }

    [Fact]
    public void A_group_conversation_without_its_recipients_urls_is_told_by_the_names_in_TO()
    {
        _export.WithProfile("Sam", "Rivera")
            .WithConnections(Ann, "Bo,Ek,https://www.linkedin.com/in/bo-ek,,,,15 Mar 2024", "Jane,\"Doe, CPA\",https://www.linkedin.com/in/jane-doe,,,,15 Mar 2024")
            .WithMessages(
                "g2,Group,Ann Lee,https://www.linkedin.com/in/ann-lee,\"Sam Rivera,Bo Ek\",,2024-03-16 10:00:00 UTC,,We help teams cut costs by 30%.,INBOX,",
                "c3,,Sam Rivera,https://www.linkedin.com/in/sam,\"Jane Doe, CPA\",,2024-03-17 10:00:00 UTC,,Hi Jane,INBOX,",
                "g3,Group,Bo Ek,https://www.linkedin.com/in/bo-ek,\"Sam Rivera, Jane Doe, CPA\",,2024-03-18 10:00:00 UTC,,Our pricing, for you both.,INBOX,");

        var content = Read();

        var items = RequestFactory.Create(content);

        Assert.Empty(items.Single(i => i.Person.Name == "Ann Lee").Request.Messages);
        Assert.Equal(["Hi Jane"], items.Single(i => i.Person.Name == "Jane Doe, CPA").Request.Messages.Select(m => m.Text));
        Assert.Empty(items.Single(i => i.Person.Name == "Bo Ek").Request.Messages);
        Assert.Equal((2, 1, 0), (content.Statistics.GroupMessages, content.Statistics.MessagesAttributed, content.Statistics.MessagesWithOthers));
    }

    [Fact]
    public void A_shared_name_is_not_warned_of_when_a_url_names_who_it_is_or_when_no_connection_has_it()
    {
        _export.WithProfile("Sam", "Rivera")
            .WithConnections(Ann)
            .WithInvitations(
                "Ann Lee,Sam Rivera,\"9/27/25, 8:41 AM\",Hi,INCOMING,https://www.linkedin.com/in/ann-lee-99,https://www.linkedin.com/in/sam",
                "Bo Ek,Sam Rivera,\"9/27/25, 8:41 AM\",Hi,INCOMING,https://www.linkedin.com/in/bo-ek,https://www.linkedin.com/in/sam",
                "Bo Ek,Sam Rivera,\"9/28/25, 8:41 AM\",Hi,INCOMING,https://www.linkedin.com/in/bo-ek-2,https://www.linkedin.com/in/sam")
            .WithMessages(
                "c1,,Ann Lee,https://www.linkedin.com/in/ann-lee-99,Sam Rivera,,2025-09-27 10:00:00 UTC,,Following up,INBOX,",
                "c2,,Bo Ek,,Sam Rivera,,2025-09-28 10:00:00 UTC,,Following up,INBOX,");

        var content = Read();

        Assert.Empty(_warnings);
        Assert.Equal(2, content.Statistics.MessagesWithOthers);
    }

    [Fact]
    public void Requests_are_built_once_per_read_since_they_take_the_messages()
    {
        _export.WithProfile("Sam", "Rivera").WithConnections(Ann)
            .WithMessages("c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Sam Rivera,,2024-03-18 10:00:00 UTC,,Hi,INBOX,");
        var content = Read();
        Assert.Single(Assert.Single(RequestFactory.Create(content)).Request.Messages);

        var exception = Assert.Throws<InvalidOperationException>(() => RequestFactory.Create(content));

        Assert.Contains("built already", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_with_a_name_two_connections_share_and_no_url_to_tell_them_apart_are_said_to_be_judged_for_neither()
    {
        _export.WithProfile("Sam", "Rivera")
            .WithConnections(Ann, "Ann,Lee,https://www.linkedin.com/in/ann-lee-99,,Litware,Designer,16 Mar 2024")
            .WithMessages(
                "c1,,Ann Lee,https://www.linkedin.com/in/ACoAABxyz,Sam Rivera,,2024-03-18 10:00:00 UTC,,A quick demo of our platform?,INBOX,",
                "c1,,Ann Lee,https://www.linkedin.com/in/ACoAABxyz,Sam Rivera,,2024-03-18 11:00:00 UTC,,Following up,INBOX,");

        var content = Read();

        var warning = Assert.Single(_warnings);
        Assert.Equal((2L, "a message from \"Ann Lee\" has no profile URL that tells apart the people of that name in the export, so from this row on such messages are judged for none of them."), (warning.Line, warning.Message));
        Assert.Equal((2, 0), (content.Statistics.MessagesWithOthers, content.Statistics.MessagesAttributed));
    }

    [Fact]
    public void Without_profile_or_invitations_the_owner_is_never_a_connection_even_in_a_single_message()
    {
        _export.WithConnections(Ann)
            .WithMessages("c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Sam Rivera,https://www.linkedin.com/in/sam,2024-03-16 10:00:00 UTC,,Hi,INBOX,");

        var content = Read();

        Assert.Equal("Sam Rivera", content.Owner?.Name);
        var message = Assert.Single(Assert.Single(RequestFactory.Create(content)).Request.Messages);
        Assert.Equal(MessageDirection.FromSender, message.Direction);
    }

    [Fact]
    public void A_malformed_message_row_is_reported_once_when_the_owner_is_found_in_messages()
    {
        _export.WithConnections(Ann)
            .WithMessages(
                "c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Sam Rivera,,2024-03-16 10:00:00 UTC,,Hi,INBOX,",
                "c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Sam Rivera,,2024-03-16 10:05:00 UTC,,a \"stray\" quote,INBOX,");

        var content = Read();

        Assert.Equal("messages.csv", content.OwnerFoundIn);
        var warning = Assert.Single(_warnings);
        Assert.Equal(3, warning.Line);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported_once_not_read_as_if_it_were()
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes(TempExport.ConnectionsHeader + "J\u00FCrgen,M\u00FCller,https://www.linkedin.com/in/jm,,,,15 Mar 2024\nB\u00F6,Ek,https://www.linkedin.com/in/bo,,,,15 Mar 2024\n");
        File.WriteAllBytes(Path.Combine(_export.Folder, "Connections.csv"), bytes);

        Assert.Equal(2, Read().People.Count);

        var warning = Assert.Single(_warnings);
        Assert.Equal(2, warning.Line);
        Assert.Contains("not UTF-8", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replacement_character_written_in_utf8_is_text_not_a_sign_of_another_encoding()
    {
        _export.WithConnections("J\uFFFDrgen,M\u00FCller,https://www.linkedin.com/in/jm,,,,15 Mar 2024");

        var person = Assert.Single(Read().People);

        Assert.Empty(_warnings);
        Assert.Contains("J\uFFFDrgen", person.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_is_accepted_at_midnight_utc_of_its_date_and_sent_at_its_first_known_fact()
    {
        _export.WithProfile("Sam", "Rivera")
            .WithConnections(Ann)
            .WithMessages("c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Sam Rivera,,2024-03-16 10:00:00 UTC,,Thanks for connecting,INBOX,");

        var request = Single();

        Assert.Equal(At("2024-03-15T00:00:00Z"), request.AcceptedAt);
        Assert.Equal(At("2024-03-15T00:00:00Z"), request.SentAt);
        Assert.Null(request.Note);
        Assert.Equal("Ann Lee", request.Sender.Name);
        Assert.Equal("Staff Engineer at Fabrikam", request.Sender.Headline);
        Assert.Equal(new MemberProfile { Name = "Sam Rivera" }, request.Recipient);
    }

    [Fact]
    public void A_first_message_before_the_connection_date_is_the_note_and_dates_the_request()
    {
        _export.WithProfile("Sam", "Rivera")
            .WithConnections(Ann)
            .WithMessages(
                "c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Sam Rivera,,2024-03-20 10:00:00 UTC,,Later,INBOX,",
                "c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Sam Rivera,,2024-03-12 09:30:00 UTC,,Join our meetup group?,INBOX,");

        var request = Single();

        Assert.Equal("Join our meetup group?", request.Note);
        Assert.Equal(At("2024-03-12T09:30:00Z"), request.SentAt);
        Assert.Equal(At("2024-03-15T00:00:00Z"), request.AcceptedAt);
        Assert.Equal(["Join our meetup group?", "Later"], request.Messages.Select(m => m.Text));
    }

    [Fact]
    public void A_first_message_from_the_person_on_the_connection_day_is_the_note_and_the_acceptance_follows_it()
    {
        _export.WithProfile("Sam", "Rivera")
            .WithConnections(Ann)
            .WithMessages(
                "c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Sam Rivera,,2024-03-15 09:00:00 UTC,,Join our meetup group?,INBOX,",
                "c1,,Sam Rivera,,Ann Lee,https://www.linkedin.com/in/ann-lee,2024-03-15 18:00:00 UTC,,See you there,SENT,");

        var request = Single();

        Assert.Equal("Join our meetup group?", request.Note);
        Assert.Equal(At("2024-03-15T09:00:00Z"), request.SentAt);
        Assert.Equal(At("2024-03-15T09:00:00Z").AddTicks(1), request.AcceptedAt);
        Assert.Equal(["Join our meetup group?", "See you there"], request.Messages.Select(m => m.Text));
    }

    [Fact]
    public void A_first_message_from_the_owner_on_the_connection_day_leaves_no_note_and_midnight_acceptance()
    {
        _export.WithProfile("Sam", "Rivera")
            .WithConnections(Ann)
            .WithMessages(
                "c1,,Sam Rivera,,Ann Lee,https://www.linkedin.com/in/ann-lee,2024-03-15 09:00:00 UTC,,Welcome aboard,SENT,",
                "c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Sam Rivera,,2024-03-15 10:00:00 UTC,,Join our meetup group?,INBOX,");

        var request = Single();

        Assert.Null(request.Note);
        Assert.Equal(At("2024-03-15T00:00:00Z"), request.SentAt);
        Assert.Equal(At("2024-03-15T00:00:00Z"), request.AcceptedAt);
    }

    [Fact]
    public void A_first_message_after_the_connection_day_is_not_the_note()
    {
        _export.WithProfile("Sam", "Rivera")
            .WithConnections(Ann)
            .WithMessages("c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Sam Rivera,,2024-03-16 00:00:00 UTC,,Join our meetup group?,INBOX,");

        var request = Single();

        Assert.Null(request.Note);
        Assert.Equal(At("2024-03-15T00:00:00Z"), request.AcceptedAt);
    }

    [Fact]
    public void An_incoming_invitation_that_was_accepted_gives_the_connection_its_note_and_sent_at()
    {
        _export.WithProfile("Sam", "Rivera")
            .WithConnections(Ann)
            .WithInvitations("Ann Lee,Sam Rivera,\"3/14/24, 6:30 PM\",Loved your talk,INCOMING,https://www.linkedin.com/in/ann-lee,https://www.linkedin.com/in/sam");

        var content = Read();
        var request = Assert.Single(RequestFactory.Create(content)).Request;

        Assert.Equal("Loved your talk", request.Note);
        Assert.Equal(At("2024-03-14T18:30:00Z"), request.SentAt);
        Assert.NotNull(request.AcceptedAt);
        Assert.Equal(0, content.Statistics.PendingInvitations);
    }

    [Fact]
    public void A_pending_incoming_invitation_is_a_pending_request_with_unknown_facts_left_null()
    {
        _export.WithInvitations("Bo Ek,Sam Rivera,\"9/27/25, 8:41 AM\",,INCOMING,https://www.linkedin.com/in/bo-ek,https://www.linkedin.com/in/sam");

        var request = Single();

        Assert.Null(request.AcceptedAt);
        Assert.Null(request.Note);
        Assert.Equal(At("2025-09-27T08:41:00Z"), request.SentAt);
        Assert.Null(request.MutualConnections);
        Assert.Null(request.Sender.ConnectionCount);
        Assert.Null(request.Sender.HasPhoto);
        Assert.Null(request.Sender.MemberSince);
        Assert.Null(request.Sender.InvitationsSentLastWeek);
        Assert.False(request.KnownOffline);
        Assert.Equal("Sam Rivera", request.Recipient?.Name);
    }

    [Fact]
    public void Invitations_the_owner_sent_are_not_judged()
    {
        _export.WithInvitations(
            "Sam Rivera,Bo Ek,\"9/27/25, 8:41 AM\",Hi Bo,OUTGOING,https://www.linkedin.com/in/sam,https://www.linkedin.com/in/bo-ek",
            "Cy Ro,Sam Rivera,\"9/26/25, 8:41 AM\",,INCOMING,https://www.linkedin.com/in/cy-ro,https://www.linkedin.com/in/sam");

        var content = Read();

        Assert.Equal("Cy Ro", Assert.Single(RequestFactory.Create(content)).Request.Sender.Name);
        Assert.Equal(1, content.Statistics.OutgoingInvitations);
        Assert.Equal("Sam Rivera", content.Owner?.Name);
        Assert.Equal("Invitations.csv", content.OwnerFoundIn);
    }

    [Fact]
    public void Without_profile_or_invitations_the_owner_is_the_most_frequent_participant_of_messages()
    {
        _export.WithConnections(Ann, "Bo,Ek,https://www.linkedin.com/in/bo-ek,,,,15 Mar 2024")
            .WithMessages(
                "c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Sam Rivera,,2024-03-16 10:00:00 UTC,,Hi,INBOX,",
                "c1,,Sam Rivera,,Ann Lee,https://www.linkedin.com/in/ann-lee,2024-03-16 11:00:00 UTC,,Hello,SENT,",
                "c2,,Bo Ek,https://www.linkedin.com/in/bo-ek,Sam Rivera,,2024-03-16 12:00:00 UTC,,Hey,INBOX,");

        var content = Read();

        Assert.Equal("Sam Rivera", content.Owner?.Name);
        Assert.Equal("messages.csv", content.OwnerFoundIn);
        var ann = RequestFactory.Create(content).Single(i => i.Person.Name == "Ann Lee").Request;
        Assert.Equal([MessageDirection.FromSender, MessageDirection.FromRecipient], ann.Messages.Select(m => m.Direction));
    }

    [Fact]
    public void Group_messages_drafts_and_messages_with_strangers_are_counted_not_judged()
    {
        _export.WithProfile("Sam", "Rivera")
            .WithConnections(Ann, "Bo,Ek,https://www.linkedin.com/in/bo-ek,,,,15 Mar 2024")
            .With("messages.csv", TempExport.MessagesHeader.TrimEnd('\n') + ",IS MESSAGE DRAFT\n"
                + "c1,,Sam Rivera,,Ann Lee,\"https://www.linkedin.com/in/ann-lee,https://www.linkedin.com/in/bo-ek\",2024-03-16 10:00:00 UTC,,Hi both,SENT,,false\n"
                + "c2,,Sam Rivera,,Ann Lee,https://www.linkedin.com/in/ann-lee,2024-03-16 11:00:00 UTC,,Unsent,DRAFT,,true\n"
                + "c3,,Cy Ro,https://www.linkedin.com/in/cy-ro,Sam Rivera,,2024-03-16 12:00:00 UTC,,InMail,INBOX,,false\n");

        var content = Read();

        Assert.All(RequestFactory.Create(content), item => Assert.Empty(item.Request.Messages));
        Assert.Equal((3, 1, 1, 1, 0), (content.Statistics.MessagesRead, content.Statistics.GroupMessages, content.Statistics.Drafts, content.Statistics.MessagesWithOthers, content.Statistics.MessagesAttributed));
    }

    [Fact]
    public void Missing_optional_files_mean_less_evidence_not_an_error()
    {
        _export.WithConnections(Ann);

        var content = Read();

        Assert.Single(content.People);
        Assert.Null(content.Owner);
        Assert.Null(Assert.Single(RequestFactory.Create(content)).Request.Recipient);
    }

    [Fact]
    public void Invitations_alone_are_an_export()
    {
        _export.WithInvitations("Bo Ek,Sam Rivera,\"9/27/25, 8:41 AM\",,INCOMING,https://www.linkedin.com/in/bo-ek,");

        Assert.Single(Read().People);
    }

    [Fact]
    public void Neither_connections_nor_invitations_is_not_an_export()
    {
        _export.WithMessages("c1,,Ann Lee,,Sam Rivera,,2024-03-16 10:00:00 UTC,,Hi,INBOX,");

        var exception = Assert.Throws<UnusableExportException>(Read);

        Assert.Contains("not a LinkedIn data export: it holds neither Connections.csv nor Invitations.csv", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_is_read_in_place_even_with_its_files_in_a_folder()
    {
        _export.WithProfile("Sam", "Rivera").WithConnections(Ann)
            .WithMessages("c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Sam Rivera,,2024-03-16 10:00:00 UTC,,Hi,INBOX,");
        var zip = _export.Zip("Basic_LinkedInDataExport_10-01-2025");
        Directory.Delete(_export.Folder, recursive: true);

        using var source = ExportSource.Open(zip);
        var content = LinkedInExportReader.Read(source, _warnings.Add);

        var request = Assert.Single(RequestFactory.Create(content)).Request;
        Assert.Single(request.Messages);
        Assert.Equal("Sam Rivera", content.Owner?.Name);
        Assert.Equal(["export.zip"], Directory.GetFileSystemEntries(_export.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_column_linkedin_writes_that_the_file_lacks_is_reported_once_and_read_as_empty()
    {
        _export.WithProfile("Sam", "Rivera").WithConnections(Ann).With(
            "Invitations.csv",
            "From,To,Sent At,Direction,inviterProfileUrl,inviteeProfileUrl\nBo Ek,Sam Rivera,\"9/27/25, 8:41 AM\",INCOMING,,\nCy Ro,Sam Rivera,\"9/28/25, 8:41 AM\",INCOMING,,\n");

        var content = Read();

        var warning = Assert.Single(_warnings);
        Assert.Equal(1, warning.Line);
        Assert.EndsWith("Invitations.csv", warning.File, StringComparison.Ordinal);
        Assert.StartsWith("the header has no \"Message\" column, which LinkedIn's Invitations.csv has; it is read as empty in every row", warning.Message, StringComparison.Ordinal);
        Assert.Equal(3, content.People.Count);
    }

    [Fact]
    public void Two_exports_side_by_side_are_refused_rather_than_mixed()
    {
        _export.With("Basic_LinkedInDataExport_01-01-2025/Connections.csv", TempExport.ConnectionsPreamble + TempExport.ConnectionsHeader + Ann + "\n")
            .With("Complete_LinkedInDataExport_10-01-2025/Connections.csv", TempExport.ConnectionsPreamble + TempExport.ConnectionsHeader + Ann + "\n")
            .With("Complete_LinkedInDataExport_10-01-2025/Invitations.csv", TempExport.InvitationsHeader);

        var exception = Assert.Throws<UnusableExportException>(Read);

        Assert.Equal(
            $"{_export.Folder}: holds 2 exports side by side (Basic_LinkedInDataExport_01-01-2025, Complete_LinkedInDataExport_10-01-2025), and taking a file from each would mix them. Give the folder of the one to triage.",
            exception.Message);
    }

    [Fact]
    public void Files_are_taken_from_the_exports_own_folder_only_not_a_sibling_nor_one_below()
    {
        const string Message = "c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Sam Rivera,,2024-03-16 10:00:00 UTC,,Hi,INBOX,\n";
        _export.With("export-2025/Connections.csv", TempExport.ConnectionsPreamble + TempExport.ConnectionsHeader + Ann + "\n")
            .With("export-2025/Profile.csv", TempExport.ProfileHeader + "Sam,Rivera,,,,,,,,,,,\n")
            .With("a-scratch/messages.csv", TempExport.MessagesHeader + Message + Message);

        Assert.Empty(Single().Messages);

        _export.With("export-2025/old/messages.csv", TempExport.MessagesHeader + Message + Message);
        Assert.Empty(Single().Messages);

        _export.With("export-2025/messages.csv", TempExport.MessagesHeader + Message);
        Assert.Single(Single().Messages);
    }

    [Fact]
    public void A_zip_made_on_windows_with_backslashes_is_read_and_two_exports_in_it_are_refused()
    {
        var zip = _export.PathOf("windows.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
        {
            foreach (var folder in new[] { "Basic_LinkedInDataExport_01-01-2025", "Complete_LinkedInDataExport_10-01-2025" })
            {
                using var writer = new StreamWriter(archive.CreateEntry(folder + "\\Connections.csv").Open());
                writer.Write(TempExport.ConnectionsPreamble + TempExport.ConnectionsHeader + Ann + "\n");
            }
        }

        // Made by MS-DOS/Windows (the high byte of "version made by" in each central directory entry), where a backslash
        // separates folders, as in zips written by Windows' own tools.
        var bytes = File.ReadAllBytes(zip);
        for (var at = bytes.AsSpan().IndexOf("PK\u0001\u0002"u8); at >= 0; at = bytes.AsSpan(at + 4).IndexOf("PK\u0001\u0002"u8) is var next and >= 0 ? at + 4 + next : -1)
        {
            bytes[at + 5] = 0;
        }

        File.WriteAllBytes(zip, bytes);
        using var source = ExportSource.Open(zip);
        var exception = Assert.Throws<UnusableExportException>(() => LinkedInExportReader.Read(source, _warnings.Add));

        Assert.Contains("holds 2 exports side by side (Basic_LinkedInDataExport_01-01-2025, Complete_LinkedInDataExport_10-01-2025)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_listed_twice_is_reported_and_kept_once()
    {
        _export.WithConnections(Ann, Ann);

        Assert.Single(Read().People);
        var warning = Assert.Single(_warnings);
        Assert.Equal(6, warning.Line);
        Assert.Contains("listed twice (first on line 5)", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Connections.csv", "Ann,Lee,u,,,,March 15th", "\"March 15th\" in \"Connected On\" is not a date like \"15 Mar 2024\"")]
    [InlineData("Invitations.csv", "Bo Ek,Sam Rivera,2025-09-27T08:41,,INCOMING,,", "\"2025-09-27T08:41\" in \"Sent At\" is not a date and time like \"9/27/25, 8:41 AM\"")]
    [InlineData("messages.csv", "c1,,Ann Lee,,Sam Rivera,,15/03/2024 14:02,,Hi,INBOX,", "\"15/03/2024 14:02\" in DATE is not a date like \"2024-03-15 14:02:11 UTC\"")]
    [InlineData("Endorsement_Received_Info.csv", "yesterday,Kubernetes,Ann,Lee,,ACCEPTED", "\"yesterday\" in \"Endorsement Date\" is not a date like \"2024/03/15 14:02:11 UTC\"")]
    public void An_unparsable_date_is_unusable_input_naming_the_file_and_line(string file, string row, string expected)
    {
        _export.WithProfile("Sam", "Rivera").WithConnections(file == "Connections.csv" ? row : Ann);
        _ = file switch
        {
            "Invitations.csv" => _export.WithInvitations(row),
            "messages.csv" => _export.WithMessages(row),
            "Endorsement_Received_Info.csv" => _export.WithEndorsements(row),
            _ => _export,
        };

        var exception = Assert.Throws<UnusableExportException>(Read);

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Equal(file == "Connections.csv" ? 5 : 2, exception.Line);
        Assert.EndsWith(file, exception.File, StringComparison.Ordinal);
    }

    private ExportContent Read()
    {
        using var source = ExportSource.Open(_export.Folder);
        return LinkedInExportReader.Read(source, _warnings.Add);
    }

    private ConnectionRequest Single() => Assert.Single(RequestFactory.Create(Read())).Request;

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
