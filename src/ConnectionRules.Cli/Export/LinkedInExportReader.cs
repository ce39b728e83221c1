namespace ConnectionRules.Cli.Export;

/// <summary>How far reading has come, for a progress display.</summary>
/// <param name="Stage">What is being read.</param>
/// <param name="Done">Bytes read so far in this stage.</param>
/// <param name="Total">Bytes to read in this stage.</param>
internal readonly record struct ReadProgress(string Stage, long Done, long Total);

/// <summary>
/// Reads the files of a LinkedIn data export that matter for triage and joins them per person: Profile.csv (who the
/// owner is), Connections.csv, Invitations.csv, Endorsement_Received_Info.csv and messages.csv, which is streamed and
/// keeps only the messages exchanged with connections.
/// </summary>
internal sealed class LinkedInExportReader
{
    public const string ProfileFile = "Profile.csv";
    public const string ConnectionsFile = "Connections.csv";
    public const string InvitationsFile = "Invitations.csv";
    public const string MessagesFile = "messages.csv";
    public const string EndorsementsFile = "Endorsement_Received_Info.csv";

    private static readonly string[] ConnectionsColumns = ["First Name", "Last Name", "URL", "Connected On"];
    private static readonly string[] InvitationsColumns = ["From", "To", "Sent At", "Direction"];
    private static readonly string[] MessagesColumns = ["FROM", "TO", "DATE", "CONTENT"];
    private static readonly string[] EndorsementsColumns = ["Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name"];
    private static readonly string[] ProfileColumns = ["First Name", "Last Name"];

    // The other columns LinkedIn always writes and triage reads: one missing is read as empty, with a warning.
    private static readonly string[] ConnectionsWritten = ["Company", "Position"];
    private static readonly string[] InvitationsWritten = ["Message", "inviterProfileUrl", "inviteeProfileUrl"];
    private static readonly string[] MessagesWritten = ["SENDER PROFILE URL", "RECIPIENT PROFILE URLS", "SUBJECT", "FOLDER"];
    private static readonly string[] EndorsementsWritten = ["Endorser Public Url"];
    private static readonly string[] ProfileWritten = ["Headline"];

    // Progress is reported every this many rows, so that reporting costs nothing next to reading.
    private const int ProgressEvery = 4096;

    private readonly ExportSource _source;
    private readonly Action<ExportWarning> _warn;
    private readonly IProgress<ReadProgress>? _progress;
    private readonly Dictionary<string, Person> _byUrl = new(StringComparer.Ordinal);

    // A name that two different people carry joins nobody: the entry is null, and _namesakes has them. (One list per
    // name would say both, but cost a list for every person of an export.)
    private readonly Dictionary<string, Person?> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _warnedSharedNames = new(StringComparer.Ordinal);

    // The people of each name two or more share, in the order they came.
    private readonly Dictionary<string, List<Person>> _namesakes = new(StringComparer.Ordinal);

    private static readonly DateTimeOffset LinkedInOpened = new(2003, 5, 5, 0, 0, 0, TimeSpan.Zero);
    private readonly List<Person> _people = [];
    private readonly HashSet<string> _ownerUrls = new(StringComparer.Ordinal);
    private readonly ExportStatistics _statistics = new();
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    private string? _ownerName;
    private string? _ownerNameKey;
    private string? _ownerHeadline;
    private string? _ownerFoundIn;

    private LinkedInExportReader(ExportSource source, Action<ExportWarning> warn, IProgress<ReadProgress>? progress)
    {
        _source = source;
        _warn = warn;
        _progress = progress;
    }

    /// <summary>Gets the total size of the files triage reads, to decide whether a progress display is worth it.</summary>
    public static long SizeOf(ExportSource source) =>
        new[] { ConnectionsFile, InvitationsFile, MessagesFile, EndorsementsFile }.Sum(name => source.Find(name)?.Length ?? 0);

    /// <summary>Reads an export.</summary>
    /// <param name="source">The export folder or zip.</param>
    /// <param name="warn">Receives every row that was skipped and why.</param>
    /// <param name="progress">Receives progress, if anyone is interested.</param>
    /// <returns>What the export holds.</returns>
    /// <exception cref="UnusableExportException">The export cannot be triaged: neither Connections.csv nor Invitations.csv, a missing required column, an unparsable date.</exception>
    public static ExportContent Read(ExportSource source, Action<ExportWarning> warn, IProgress<ReadProgress>? progress = null)
    {
        var reader = new LinkedInExportReader(source, warn, progress);
        return reader.ReadAll();
    }

    private ExportContent ReadAll()
    {
        var connections = _source.Find(ConnectionsFile);
        var invitations = _source.Find(InvitationsFile);
        if (connections is null && invitations is null)
        {
            throw new UnusableExportException(
                _source.Path,
                null,
                $"not a LinkedIn data export: it holds neither {ConnectionsFile} nor {InvitationsFile} at its top or up to two folders down. Give the folder or .zip from LinkedIn's \"Get a copy of your data\" (Settings > Data privacy), with connections or invitations selected.");
        }

        if (_source.Find(ProfileFile) is { } profile)
        {
            ReadProfile(profile);
        }

        if (connections is not null)
        {
            ReadConnections(connections);
        }

        if (invitations is not null)
        {
            ReadInvitations(invitations);
        }

        if (_source.Find(EndorsementsFile) is { } endorsements)
        {
            ReadEndorsements(endorsements);
        }

        if (_source.Find(MessagesFile) is { } messages)
        {
            if (_ownerNameKey is null)
            {
                FindOwnerInMessages(messages);
            }

            ReadMessages(messages);
        }

        var owner = _ownerName is null ? null : new MemberProfile { Name = _ownerName, Headline = _ownerHeadline };
        return new ExportContent(_source.Path, owner, _ownerFoundIn, _people, _files, _statistics);
    }

    private ExportCsv Open(ExportFile file, string[] columns, string[] written)
    {
        _files[Path.GetFileName(file.Name)] = file.Name;
        return ExportCsv.Open(file, columns, _warn, written);
    }

    private void ReadProfile(ExportFile file)
    {
        using var csv = Open(file, ProfileColumns, ProfileWritten);
        if (csv.Read())
        {
            var name = FullName(csv.Get("First Name"), csv.Get("Last Name"));
            if (name.Length > 0)
            {
                SetOwner(name, ProfileFile);
                _ownerHeadline = NullIfEmpty(csv.Get("Headline"));
            }
        }
    }

    private void ReadConnections(ExportFile file)
    {
        using var csv = Open(file, ConnectionsColumns, ConnectionsWritten);
        int first = csv.Column("First Name"), last = csv.Column("Last Name"), url = csv.Column("URL"), connectedOn = csv.Column("Connected On");
        int company = csv.Column("Company"), position = csv.Column("Position");
        var rows = 0;
        while (csv.Read())
        {
            Report(csv, "Reading connections", ++rows);
            var name = FullName(csv.Get(first), csv.Get(last));
            var profileUrl = NullIfEmpty(csv.Get(url));
            if (name.Length == 0 && profileUrl is null)
            {
                csv.Warn("the row has neither a name nor a URL; skipped.");
                continue;
            }

            var dateText = csv.Get(connectedOn);
            if (dateText.Length == 0)
            {
                csv.Warn($"{Describe(name, profileUrl)} has no \"Connected On\" date; skipped.");
                continue;
            }

            if (!ExportDates.ConnectedOn.TryParse(dateText, out var date))
            {
                throw csv.Unusable($"\"{dateText}\" in \"Connected On\" is not a date like \"{ExportDates.ConnectedOn.Example}\". Was the file re-saved by a spreadsheet in another format? Use the file as LinkedIn sent it.");
            }

            date = NotBeforeLinkedIn(csv, date, dateText, "\"Connected On\"");

            var key = ProfileUrl.Key(profileUrl) ?? "name:" + ProfileUrl.NameKey(name);
            if (_byUrl.TryGetValue(key, out var existing) && existing.IsConnection)
            {
                csv.Warn($"{Describe(name, profileUrl)} is listed twice (first on line {existing.ConnectionRow!.Value.Line}); this row is skipped.");
                continue;
            }

            var person = Add(key, name.Length > 0 ? name : profileUrl!);
            person.ProfileUrl = profileUrl;
            person.Company = NullIfEmpty(csv.Get(company));
            person.Position = NullIfEmpty(csv.Get(position));
            person.ConnectedOn = date;
            person.ConnectionRow = new SourceRef(file.Name, csv.Line);
            _statistics.Connections++;
        }
    }

    private void ReadInvitations(ExportFile file)
    {
        using var csv = Open(file, InvitationsColumns, InvitationsWritten);
        int from = csv.Column("From"), to = csv.Column("To"), sentAt = csv.Column("Sent At"), direction = csv.Column("Direction");
        int message = csv.Column("Message"), inviterUrl = csv.Column("inviterProfileUrl"), inviteeUrl = csv.Column("inviteeProfileUrl");
        var rows = 0;
        while (csv.Read())
        {
            Report(csv, "Reading invitations", ++rows);
            var directionText = csv.Get(direction);
            var incoming = string.Equals(directionText, "INCOMING", StringComparison.OrdinalIgnoreCase);
            if (!incoming && !string.Equals(directionText, "OUTGOING", StringComparison.OrdinalIgnoreCase))
            {
                csv.Warn($"\"Direction\" is \"{directionText}\", neither INCOMING nor OUTGOING; skipped.");
                continue;
            }

            var name = csv.Get(incoming ? from : to);
            var profileUrl = NullIfEmpty(csv.Get(incoming ? inviterUrl : inviteeUrl));
            if (name.Length == 0 && profileUrl is null)
            {
                csv.Warn($"the {(incoming ? "inviter" : "invitee")} has neither a name nor a URL; skipped.");
                continue;
            }

            var dateText = csv.Get(sentAt);
            if (dateText.Length == 0)
            {
                csv.Warn($"the invitation {(incoming ? "from" : "to")} {Describe(name, profileUrl)} has no \"Sent At\"; skipped.");
                continue;
            }

            if (!ExportDates.InvitationSentAt.TryParse(dateText, out var date))
            {
                throw csv.Unusable($"\"{dateText}\" in \"Sent At\" is not a date and time like \"{ExportDates.InvitationSentAt.Example}\". Use the file as LinkedIn sent it.");
            }

            date = NotBeforeLinkedIn(csv, date, dateText, "\"Sent At\"");

            // The other side of an invitation is the owner: the export says who it belongs to.
            if (_ownerNameKey is null && csv.Get(incoming ? to : from) is { Length: > 0 } owner)
            {
                SetOwner(owner, InvitationsFile);
            }

            var person = Find(profileUrl, name);
            if (person is null)
            {
                // A name two people share joins nobody by name, but a row keyed the same way (no URL, the same name) is the same person.
                var key = ProfileUrl.Key(profileUrl) ?? "name:" + ProfileUrl.NameKey(name);
                if (!_byUrl.TryGetValue(key, out person))
                {
                    person = Add(key, name.Length > 0 ? name : profileUrl!);
                    person.ProfileUrl = profileUrl;
                }
            }

            var invitation = new Invitation(date, NullIfEmpty(csv.Get(message)), new SourceRef(file.Name, csv.Line));
            if (incoming)
            {
                if (person.Incoming is null || person.Incoming.SentAt < date)
                {
                    person.Incoming = invitation;
                }
            }
            else if (person.Outgoing is null || person.Outgoing.SentAt < date)
            {
                person.Outgoing = invitation;
            }
        }

        foreach (var person in _people)
        {
            if (person.IsPendingInvitation)
            {
                _statistics.PendingInvitations++;
            }
            else if (!person.IsConnection && person.Outgoing is not null)
            {
                _statistics.OutgoingInvitations++;
            }
        }
    }

    private void ReadEndorsements(ExportFile file)
    {
        using var csv = Open(file, EndorsementsColumns, EndorsementsWritten);
        int date = csv.Column("Endorsement Date"), skill = csv.Column("Skill Name"), first = csv.Column("Endorser First Name"), last = csv.Column("Endorser Last Name");
        var url = csv.Column("Endorser Public Url");
        var rows = 0;
        while (csv.Read())
        {
            Report(csv, "Reading endorsements", ++rows);
            _statistics.EndorsementsRead++;
            var name = FullName(csv.Get(first), csv.Get(last));
            var profileUrl = NullIfEmpty(csv.Get(url));
            var dateText = csv.Get(date);
            if (dateText.Length == 0)
            {
                csv.Warn($"the endorsement by {Describe(name, profileUrl)} has no \"Endorsement Date\"; skipped.");
                continue;
            }

            if (!ExportDates.EndorsementDate.TryParse(dateText, out var at))
            {
                throw csv.Unusable($"\"{dateText}\" in \"Endorsement Date\" is not a date like \"{ExportDates.EndorsementDate.Example}\". Use the file as LinkedIn sent it.");
            }

            at = NotBeforeLinkedIn(csv, at, dateText, "\"Endorsement Date\"");

            if (Find(profileUrl, name) is { IsConnection: true } person)
            {
                person.Endorsements.Add(new Sourced<Endorsement>(new Endorsement(at, csv.Get(skill)), csv.Line));
                _statistics.EndorsementsAttributed++;
            }
        }
    }

    /// <summary>
    /// Without Profile.csv or invitations, the owner is whoever takes part in most messages, and is not one of the
    /// connections: in a small file the owner and a connection may take part in as many messages.
    /// </summary>
    private void FindOwnerInMessages(ExportFile file)
    {
        // ReadMessages reads the file again and reports its malformed rows: reporting them here too would say it twice.
        using var csv = ExportCsv.Open(file, MessagesColumns, static _ => { });
        int from = csv.Column("FROM"), to = csv.Column("TO");
        int senderUrl = csv.Column("SENDER PROFILE URL"), recipientUrls = csv.Column("RECIPIENT PROFILE URLS");
        var counts = new Dictionary<string, (string Name, int Count)>(StringComparer.Ordinal);
        var rows = 0;
        while (csv.Read())
        {
            Report(csv, "Finding the export's owner", ++rows);
            Count(csv.Get(from), NullIfEmpty(csv.Get(senderUrl)));
            var recipients = Recipients(csv.Get(recipientUrls), null);
            Count(csv.Get(to), recipients.Count == 1 ? recipients[0] : null);
        }

        if (counts.Count > 0)
        {
            SetOwner(counts.Values.MaxBy(c => c.Count).Name, MessagesFile);
        }

        void Count(string name, string? url)
        {
            if (ProfileUrl.NameKey(name) is { } key && Find(url, name) is not { IsConnection: true })
            {
                counts[key] = (counts.TryGetValue(key, out var seen) ? seen.Name : name, seen.Count + 1);
            }
        }
    }

    private void ReadMessages(ExportFile file)
    {
        using var csv = Open(file, MessagesColumns, MessagesWritten);
        int from = csv.Column("FROM"), to = csv.Column("TO"), date = csv.Column("DATE"), content = csv.Column("CONTENT");
        int senderUrl = csv.Column("SENDER PROFILE URL"), recipientUrls = csv.Column("RECIPIENT PROFILE URLS");
        int subject = csv.Column("SUBJECT"), folder = csv.Column("FOLDER"), draft = csv.Column("IS MESSAGE DRAFT");
        var rows = 0;
        while (csv.Read())
        {
            Report(csv, "Reading messages", ++rows);
            _statistics.MessagesRead++;
            if (csv.Is(folder, "DRAFT") || (draft >= 0 && (csv.Is(draft, "true") || csv.Is(draft, "yes"))))
            {
                _statistics.Drafts++;
                continue;
            }

            var dateText = csv.Get(date);
            if (dateText.Length == 0)
            {
                csv.Warn("the message has no DATE; skipped.");
                continue;
            }

            if (!ExportDates.MessageDate.TryParse(dateText, out var sentAt))
            {
                throw csv.Unusable($"\"{dateText}\" in DATE is not a date like \"{ExportDates.MessageDate.Example}\". Use the file as LinkedIn sent it.");
            }

            sentAt = NotBeforeLinkedIn(csv, sentAt, dateText, "DATE");

            var fromName = csv.Get(from);
            var fromUrl = NullIfEmpty(csv.Get(senderUrl));

            // A conversation of three or more is not a one-to-one exchange, whoever wrote in it: a connection's post to a
            // group the owner is in neither pitches the owner alone nor goes unanswered when the owner stays silent.
            var recipients = Recipients(csv.Get(recipientUrls), fromUrl);
            if (recipients.Count > 1 || (recipients.Count == 0 && KnownRecipients(csv.Get(to), fromName) > 1))
            {
                _statistics.GroupMessages++;
                continue;
            }

            Person? person;
            MessageDirection direction;
            if (!IsOwner(fromName, fromUrl))
            {
                person = Find(fromUrl, fromName);
                direction = MessageDirection.FromSender;
            }
            else
            {
                var toName = csv.Get(to);
                var toUrl = recipients.Count == 1 ? recipients[0] : null;

                // A note to self is nobody's message.
                person = IsOwner(toName, toUrl) ? null : Find(toUrl, toName);
                direction = MessageDirection.FromRecipient;
            }

            if (person is not { IsConnection: true })
            {
                WarnIfSharedName(csv, direction == MessageDirection.FromSender ? (fromName, fromUrl) : (csv.Get(to), recipients.Count == 1 ? recipients[0] : null), direction);
                _statistics.MessagesWithOthers++;
                continue;
            }

            var text = csv.Get(content);
            if (csv.Get(subject) is { Length: > 0 } subjectText)
            {
                text = subjectText + "\n" + text;
            }

            person.Messages.Add(new Sourced<Message>(new Message(sentAt, text, direction), csv.Line));
            _statistics.MessagesAttributed++;
        }
    }

    /// <summary>
    /// How many of the names in TO are the owner's or a known person's, the sender's aside: a group conversation whose
    /// recipients' URLs are missing (a deleted account, an export that left them out) still lists them by name. A name
    /// with a comma of its own ("Jane Doe, CPA") is one person: runs of parts are matched, the longest first.
    /// </summary>
    private int KnownRecipients(string names, string sender)
    {
        if (!names.Contains(',', StringComparison.Ordinal))
        {
            return 1;
        }

        // A name may hold commas of its own: the longest run of parts that is a known name is taken first.
        const int LongestName = 4;
        var senderKey = ProfileUrl.NameKey(sender);
        var parts = names.Split(',');
        var known = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length;)
        {
            var taken = 1;
            for (var count = Math.Min(LongestName, parts.Length - i); count >= 1; count--)
            {
                if (ProfileUrl.NameKey(string.Join(',', parts, i, count)) is { } key && (key == _ownerNameKey || _byName.ContainsKey(key)))
                {
                    if (key != senderKey)
                    {
                        known.Add(key);
                    }

                    taken = count;
                    break;
                }
            }

            i += taken;
        }

        return known.Count;
    }

    /// <summary>
    /// Says, once per name, that messages with a name two or more people of the export share, a connection among them,
    /// and no public profile URL that tells them apart, are judged for nobody: attributed to either, they could make the
    /// wrong one a pitcher. A public profile URL that is none of theirs names someone else, not a namesake.
    /// </summary>
    private void WarnIfSharedName(ExportCsv csv, (string Name, string? Url) other, MessageDirection direction)
    {
        var (name, url) = other;
        if (ProfileUrl.NameKey(name) is { } key && _namesakes.TryGetValue(key, out var namesakes)
            && namesakes.Any(person => person.IsConnection) && !ProfileUrl.IsPublicProfile(ProfileUrl.Key(url))
            && _warnedSharedNames.Add(key))
        {
            csv.Warn($"{(direction == MessageDirection.FromSender ? "a message from" : "a message to")} \"{name}\" has no profile URL that tells apart the people of that name in the export, so from this row on such messages are judged for none of them.");
        }
    }

    /// <summary>
    /// A date of the export as it is, unless it is before LinkedIn opened (May 2003): such a date was typed in or
    /// mangled, and the year 1 would read to the engine as a date never set.
    /// </summary>
    /// <exception cref="UnusableExportException">The date is before May 2003; the message names the file, line and column.</exception>
    private static DateTimeOffset NotBeforeLinkedIn(ExportCsv csv, DateTimeOffset date, string text, string column) =>
        date >= LinkedInOpened
            ? date
            : throw csv.Unusable($"\"{text}\" in {column} is before LinkedIn opened, in May 2003: the file was edited. Use the file as LinkedIn sent it.");

    /// <summary>The recipients' profile URLs, one per person (the sender, if listed, is not a recipient).</summary>
    private static List<string> Recipients(string urls, string? senderUrl)
    {
        var result = new List<string>(1);
        if (urls.Length == 0)
        {
            return result;
        }

        var sender = ProfileUrl.Key(senderUrl);
        HashSet<string>? seen = null;
        foreach (var part in urls.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var key = ProfileUrl.Key(part);
            if (key is null || key == sender || !(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(key))
            {
                continue;
            }

            result.Add(part);
        }

        return result;
    }

    private void SetOwner(string name, string foundIn)
    {
        _ownerName = name;
        _ownerNameKey = ProfileUrl.NameKey(name);
        _ownerFoundIn = foundIn;
    }

    private bool IsOwner(string name, string? url)
    {
        var urlKey = ProfileUrl.Key(url);
        if (urlKey is not null && _ownerUrls.Contains(urlKey))
        {
            return true;
        }

        if (_ownerNameKey is null || !string.Equals(ProfileUrl.NameKey(name), _ownerNameKey, StringComparison.Ordinal))
        {
            return false;
        }

        if (urlKey is not null && _byUrl.ContainsKey(urlKey))
        {
            // A connection who has the owner's name: the URL tells them apart.
            return false;
        }

        if (urlKey is not null)
        {
            _ownerUrls.Add(urlKey);
        }

        return true;
    }

    private Person? Find(string? url, string name)
    {
        var urlKey = ProfileUrl.Key(url);
        if (urlKey is not null && _byUrl.TryGetValue(urlKey, out var byUrl))
        {
            return byUrl;
        }

        // The files do not always write the same URL for a person (messages may use the member id); the name is the fallback.
        if (ProfileUrl.NameKey(name) is not { } nameKey || !_byName.TryGetValue(nameKey, out var byName) || byName is null)
        {
            return null;
        }

        // Two different public profile URLs are two people who share a name, not one person written two ways.
        return ProfileUrl.IsPublicProfile(urlKey) && ProfileUrl.IsPublicProfile(byName.Key) ? null : byName;
    }

    private Person Add(string key, string name)
    {
        var person = new Person(key, name);
        _byUrl[key] = person;
        if (ProfileUrl.NameKey(name) is { } nameKey)
        {
            if (!_byName.TryGetValue(nameKey, out var first))
            {
                _byName[nameKey] = person;
            }
            else if (first is not null)
            {
                // The second of a name: the name joins nobody from now on, and its people are kept, to tell when it matters.
                _byName[nameKey] = null;
                _namesakes[nameKey] = [first, person];
            }
            else
            {
                _namesakes[nameKey].Add(person);
            }
        }

        _people.Add(person);
        return person;
    }

    private void Report(ExportCsv csv, string stage, int rows)
    {
        if (_progress is not null && rows % ProgressEvery == 1)
        {
            _progress.Report(new ReadProgress(stage, csv.Position, csv.File.Length));
        }
    }

    private static string FullName(string first, string last) =>
        first.Length == 0 ? last : last.Length == 0 ? first : first + " " + last;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string Describe(string name, string? url) => name.Length > 0 ? name : url ?? "the person";
}
