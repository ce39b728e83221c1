namespace ConnectionRules.Cli.Export;

/// <summary>Where a fact came from: a file of the export and the line its row starts on.</summary>
/// <param name="File">The file's name inside the export.</param>
/// <param name="Line">The 1-based line.</param>
internal readonly record struct SourceRef(string File, long Line);

/// <summary>A fact with the line of the file it was read from, so reports can point at it.</summary>
internal readonly record struct Sourced<T>(T Value, long Line);

/// <summary>An invitation from Invitations.csv.</summary>
/// <param name="SentAt">When it was sent (read as UTC).</param>
/// <param name="Note">Its message, or <see langword="null"/> when it came without one.</param>
/// <param name="Row">Where it was read.</param>
internal sealed record Invitation(DateTimeOffset SentAt, string? Note, SourceRef Row);

/// <summary>Everything the export says about one person other than its owner, joined across the files.</summary>
internal sealed class Person(string key, string name)
{
    /// <summary>Gets the join key: the normalised profile URL, or <c>name:</c> and the normalised full name.</summary>
    public string Key { get; } = key;

    /// <summary>Gets the full name as the first file that named the person wrote it.</summary>
    public string Name { get; } = name;

    /// <summary>Gets or sets the profile URL as the export wrote it.</summary>
    public string? ProfileUrl { get; set; }

    /// <summary>Gets or sets the position from Connections.csv.</summary>
    public string? Position { get; set; }

    /// <summary>Gets or sets the company from Connections.csv.</summary>
    public string? Company { get; set; }

    /// <summary>Gets or sets the <c>Connected On</c> date, as midnight UTC; <see langword="null"/> when not a connection.</summary>
    public DateTimeOffset? ConnectedOn { get; set; }

    /// <summary>Gets or sets the person's row in Connections.csv.</summary>
    public SourceRef? ConnectionRow { get; set; }

    /// <summary>Gets or sets a value indicating whether a request was built of the person, which took its messages and endorsements.</summary>
    public bool Built { get; set; }

    /// <summary>Gets or sets the latest invitation the person sent the owner.</summary>
    public Invitation? Incoming { get; set; }

    /// <summary>Gets or sets the latest invitation the owner sent the person.</summary>
    public Invitation? Outgoing { get; set; }

    /// <summary>Gets the messages exchanged with the owner (connections only), in file order, with their lines in messages.csv.</summary>
    public List<Sourced<Message>> Messages { get; } = [];

    /// <summary>Gets the endorsements the person gave the owner, with their lines in Endorsement_Received_Info.csv.</summary>
    public List<Sourced<Endorsement>> Endorsements { get; } = [];

    /// <summary>Gets a value indicating whether the person is a connection of the owner.</summary>
    public bool IsConnection => ConnectedOn is not null;

    /// <summary>Gets a value indicating whether the person sent the owner an invitation that is still pending.</summary>
    public bool IsPendingInvitation => !IsConnection && Incoming is not null;
}

/// <summary>Counts of what was read, for the report.</summary>
internal sealed class ExportStatistics
{
    public int Connections { get; set; }

    public int PendingInvitations { get; set; }

    public int OutgoingInvitations { get; set; }

    public int MessagesRead { get; set; }

    public int MessagesAttributed { get; set; }

    /// <summary>Gets or sets the messages with people who are not connections (InMail, pending inviters, former connections): not judged.</summary>
    public int MessagesWithOthers { get; set; }

    /// <summary>Gets or sets the messages to several people at once, whoever sent them: not a one-to-one exchange.</summary>
    public int GroupMessages { get; set; }

    public int Drafts { get; set; }

    public int EndorsementsRead { get; set; }

    public int EndorsementsAttributed { get; set; }
}

/// <summary>What a LinkedIn export holds, joined per person.</summary>
/// <param name="Source">The export.</param>
/// <param name="Owner">The owner's profile, or <see langword="null"/> when the export does not say who it belongs to.</param>
/// <param name="OwnerFoundIn">Which file said who the owner is.</param>
/// <param name="People">Everyone but the owner, connections first, in the order of their files.</param>
/// <param name="Files">The files read, by kind, with their names inside the export.</param>
/// <param name="Statistics">Counts of what was read.</param>
internal sealed record ExportContent(
    string Source,
    MemberProfile? Owner,
    string? OwnerFoundIn,
    IReadOnlyList<Person> People,
    IReadOnlyDictionary<string, string> Files,
    ExportStatistics Statistics);
