namespace ConnectionRules.Cli.Export;

/// <summary>Where the parts of a request came from, so a diagnostic's location can point at a file and a line.</summary>
internal sealed class RequestSources
{
    public required SourceRef Person { get; init; }

    public SourceRef? Note { get; init; }

    public SourceRef? Headline { get; init; }

    public required string MessagesFile { get; init; }

    public required long[] MessageLines { get; init; }

    public required string EndorsementsFile { get; init; }

    public required long[] EndorsementLines { get; init; }

    /// <summary>Maps a diagnostic location (<c>note</c>, <c>messages[2]</c>, <c>endorsements[0]</c>, <c>sender.headline</c>) to the row it came from; the person's row otherwise.</summary>
    public SourceRef Of(string? location)
    {
        switch (location)
        {
            case "note" when Note is { } note:
                return note;
            case "sender.headline" when Headline is { } headline:
                return headline;
            case not null when Index(location, "messages[") is { } i && i < MessageLines.Length:
                return new SourceRef(MessagesFile, MessageLines[i]);
            case not null when Index(location, "endorsements[") is { } i && i < EndorsementLines.Length:
                return new SourceRef(EndorsementsFile, EndorsementLines[i]);
            default:
                return Person;
        }
    }

    private static int? Index(string location, string prefix) =>
        location.StartsWith(prefix, StringComparison.Ordinal)
        && location.EndsWith(']')
        && int.TryParse(location.AsSpan(prefix.Length, location.Length - prefix.Length - 1), System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
}

/// <summary>A person of the export, as a request to judge.</summary>
/// <param name="Person">What the export says about the person.</param>
/// <param name="Request">The request built from it.</param>
/// <param name="Sources">Where each part of the request came from.</param>
internal sealed record TriageItem(Person Person, ConnectionRequest Request, RequestSources Sources);

/// <summary>
/// Builds one <see cref="ConnectionRequest"/> per person of the export. What the export does not say stays unknown
/// (null): mutual connections, the sender's connection count, photo, account age, groups and invitations sent.
/// </summary>
/// <remarks>
/// <para>A pending invitation: <c>SentAt</c> and <c>Note</c> from Invitations.csv; no messages (the conduct rules judge
/// connections, and a pending inviter's InMail is not a message between connections).</para>
/// <para>A connection: <c>AcceptedAt</c> is midnight UTC of <c>Connected On</c>. LinkedIn does not export when an accepted
/// invitation was sent, so <c>SentAt</c> is the earliest of: the matching invitation's <c>Sent At</c> if Invitations.csv
/// still holds one, the first message, the first endorsement, and <c>AcceptedAt</c>. The note is the matching incoming
/// invitation's message, or else, when the owner did not send the invitation, the first message of the conversation if
/// the person wrote it before the end of the <c>Connected On</c> day (LinkedIn files the note of an accepted invitation
/// as the first message of the conversation, and an invitation sent and accepted on one day has its note dated after
/// that midnight). A note dated on the <c>Connected On</c> day itself was written before the acceptance, so
/// <c>AcceptedAt</c> is then one tick after the note, the earliest the acceptance can have been, instead of
/// midnight.</para>
/// </remarks>
internal static class RequestFactory
{
    /// <summary>Builds the requests: connections, then pending invitations. Invitations the owner sent and nobody accepted are not judged.</summary>
    /// <exception cref="InvalidOperationException">Requests were built of this content already: they took its messages.</exception>
    public static List<TriageItem> Create(ExportContent content)
    {
        if (content.People.Any(person => person.Built))
        {
            // A second build would find the messages gone and judge everyone as if they had written none.
            throw new InvalidOperationException("The requests of this export were built already, and hold its messages and endorsements now: build them once per read.");
        }

        var items = new List<TriageItem>(content.People.Count);
        var recipient = content.Owner;
        var messagesFile = content.Files.GetValueOrDefault(LinkedInExportReader.MessagesFile, LinkedInExportReader.MessagesFile);
        var endorsementsFile = content.Files.GetValueOrDefault(LinkedInExportReader.EndorsementsFile, LinkedInExportReader.EndorsementsFile);
        foreach (var person in content.People)
        {
            if (person.IsConnection)
            {
                items.Add(Connection(person, recipient, messagesFile, endorsementsFile));
            }
        }

        foreach (var person in content.People)
        {
            if (person.IsPendingInvitation)
            {
                items.Add(Pending(person, recipient, messagesFile, endorsementsFile));
            }
        }

        return items;
    }

    private static TriageItem Connection(Person person, MemberProfile? recipient, string messagesFile, string endorsementsFile)
    {
        var acceptedAt = person.ConnectedOn!.Value;
        var messages = Sorted(person.Messages);
        var endorsements = Sorted(person.Endorsements);

        string? note = null;
        SourceRef? noteSource = null;
        DateTimeOffset? invitedAt = null;
        if (person.Incoming is { } incoming)
        {
            note = incoming.Note;
            noteSource = incoming.Row;
            invitedAt = incoming.SentAt;
        }
        else if (person.Outgoing is { } outgoing)
        {
            // The owner sent this one: the note, if any, is the owner's own.
            invitedAt = outgoing.SentAt;
        }

        // Connected On is a date only: a note sent during that day may still have preceded the acceptance. The acceptance
        // then came after the note, at the earliest one tick after it: at the note's own time, the note would be a
        // message sent on acceptance, which CR2001's window includes. A first message of that day that thanks for the
        // connection was written after it.
        if (note is null && person.Outgoing is null && messages.Count > 0
            && messages[0] is { Value: { Direction: MessageDirection.FromSender } first } row
            && (first.SentAt < acceptedAt || (first.SentAt < acceptedAt.AddDays(1) && !ThanksForConnecting(first.Text))))
        {
            note = first.Text;
            noteSource = new SourceRef(messagesFile, row.Line);
            acceptedAt = Max(acceptedAt, first.SentAt.AddTicks(1));
        }

        var sentAt = acceptedAt;
        if (invitedAt is { } invited)
        {
            sentAt = Min(sentAt, invited);
        }

        if (messages.Count > 0)
        {
            sentAt = Min(sentAt, messages[0].Value.SentAt);
        }

        if (endorsements.Count > 0)
        {
            sentAt = Min(sentAt, endorsements[0].Value.At);
        }

        var request = new ConnectionRequest
        {
            Id = person.Key,
            Sender = new MemberProfile { Name = person.Name, Headline = Headline(person) },
            Recipient = recipient,
            Note = note,
            SentAt = sentAt,
            AcceptedAt = acceptedAt,
            Messages = messages.ConvertAll(m => m.Value),
            Endorsements = endorsements.ConvertAll(e => e.Value),
        };
        var sources = new RequestSources
        {
            Person = person.ConnectionRow!.Value,
            Note = noteSource,
            Headline = person.ConnectionRow,
            MessagesFile = messagesFile,
            MessageLines = messages.ConvertAll(m => m.Line).ToArray(),
            EndorsementsFile = endorsementsFile,
            EndorsementLines = endorsements.ConvertAll(e => e.Line).ToArray(),
        };

        // The request holds them now; the raw lists would double what a large export keeps in memory.
        person.Built = true;
        person.Messages.Clear();
        person.Messages.TrimExcess();
        person.Endorsements.Clear();
        person.Endorsements.TrimExcess();
        return new TriageItem(person, request, sources);
    }

    private static TriageItem Pending(Person person, MemberProfile? recipient, string messagesFile, string endorsementsFile)
    {
        var invitation = person.Incoming!;
        var request = new ConnectionRequest
        {
            Id = person.Key,
            Sender = new MemberProfile { Name = person.Name },
            Recipient = recipient,
            Note = invitation.Note,
            SentAt = invitation.SentAt,
        };
        var sources = new RequestSources
        {
            Person = invitation.Row,
            Note = invitation.Row,
            MessagesFile = messagesFile,
            MessageLines = [],
            EndorsementsFile = endorsementsFile,
            EndorsementLines = [],
        };
        return new TriageItem(person, request, sources);
    }

    /// <summary>The position and company of Connections.csv, the closest the export has to a headline.</summary>
    private static string? Headline(Person person) => (person.Position, person.Company) switch
    {
        (null, null) => null,
        ({ } position, null) => position,
        (null, { } company) => company,
        ({ } position, { } company) => $"{position} at {company}",
    };

    // Oldest first; the file order breaks ties, so the result never depends on the sort.
    private static List<Sourced<Message>> Sorted(List<Sourced<Message>> items) =>
        items.Count < 2 ? [.. items] : [.. items.OrderBy(m => m.Value.SentAt).ThenBy(m => m.Line)];

    private static List<Sourced<Endorsement>> Sorted(List<Sourced<Endorsement>> items) =>
        items.Count < 2 ? [.. items] : [.. items.OrderBy(e => e.Value.At).ThenBy(e => e.Line)];

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    /// <summary>
    /// The message thanks for, or greets, a connection already made ("Thanks for connecting", "Now that we're
    /// connected"), so it is no invitation note: matched as the engine matches its lexicons, case-insensitively as whole
    /// words, with straight or curly apostrophes.
    /// </summary>
    internal static bool ThanksForConnecting(string text) => ConnectedPhrases.TryFind(text, 0, out _);

    private static readonly PhraseMatcher ConnectedPhrases = new(
    [
        "thanks for connecting", "thank you for connecting", "thanks for accepting", "thank you for accepting",
        "thanks for the connection", "thank you for the connection", "thanks for adding me", "thank you for adding me",
        "thanks for the add", "now that we're connected", "now that we are connected", "glad we connected",
        "great to be connected", "glad to be connected",
    ]);
}
