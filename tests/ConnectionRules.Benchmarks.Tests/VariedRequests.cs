using ConnectionRules.Benchmarks.Shapes;

namespace ConnectionRules.Benchmarks.Tests;

/// <summary>
/// Requests built by hand around each rule's edges, with the rule ids the engine is expected to report: a few dozen
/// that the three judges must agree on.
/// </summary>
public static class VariedRequests
{
    private static readonly DateTimeOffset Now = RequestShapes.Now;
    private static readonly DateTimeOffset SentAt = Now.AddDays(-10);
    private static readonly DateTimeOffset AcceptedAt = SentAt.AddDays(1);

    private static readonly Dictionary<string, (ConnectionRequest Request, string[] Expected)> Cases = new()
    {
        ["clean pending"] = (Pending(), []),
        ["no note"] = (Pending() with { Note = null }, [RuleIds.MissingNote]),
        ["blank note"] = (Pending() with { Note = "  \n " }, [RuleIds.MissingNote]),
        ["no note, known offline"] = (Pending() with { Note = null, KnownOffline = true }, []),
        ["stock note"] = (Pending() with { Note = "I'd like to connect" }, [RuleIds.MissingNote]),
        ["stock note, curly apostrophe"] = (Pending() with { Note = "Hi Sam, I\u2019d like to add you to my professional network" }, [RuleIds.MissingNote]),
        ["stock note, long greeting and sign-off"] = (Pending() with { Note = "Hello Sam Ortega, I would like to join your LinkedIn network. Best regards, Dana Whitfield" }, [RuleIds.MissingNote]),
        ["stock note and a sentence of the sender's own"] = (Pending() with { Note = "Hi Sam, I'd like to connect. We met at the Lisbon meetup and talked about build caches." }, []),
        ["stranger"] = (Pending() with { MutualConnections = 0, Recipient = null }, [RuleIds.Stranger]),
        ["stranger introduced by a connection"] = (Pending() with { MutualConnections = 0, Recipient = null, IntroducedBy = "Ann Lee" }, []),
        ["no mutual connections, a shared group in other case and spacing"] = (Pending() with { MutualConnections = 0, Recipient = new MemberProfile { Name = "Sam", Groups = ["  PLATFORM engineering "] } }, []),
        ["unknown mutual connections"] = (Pending() with { MutualConnections = null, Recipient = null }, []),
        ["pitch note"] = (Pending() with { Note = Texts.PitchNote }, [RuleIds.PitchInNote]),
        ["pitch note, accepted and silent"] = (Accepted() with { Note = Texts.PitchNote }, []),
        ["connect-and-sell"] = (Accepted() with { Messages = [FromSender(TimeSpan.FromHours(2), Texts.PitchMessage)] }, [RuleIds.ConnectAndSell]),
        ["pitch at the end of the window"] = (Accepted() with { Messages = [FromSender(TimeSpan.FromHours(72), Texts.PitchMessage)] }, [RuleIds.ConnectAndSell]),
        ["pitch after the window"] = (Accepted() with { Messages = [FromSender(TimeSpan.FromHours(72.5), Texts.PitchMessage)] }, []),
        ["pitch from someone known offline"] = (Accepted() with { KnownOffline = true, Messages = [FromSender(TimeSpan.FromHours(2), Texts.PitchMessage)] }, []),
        ["pitch from the recipient"] = (Accepted() with { Messages = [FromRecipient(TimeSpan.FromHours(2), Texts.PitchMessage)] }, []),
        ["bait-and-switch"] = (Accepted() with { Note = Texts.InvitationNote, Messages = [FromSender(TimeSpan.FromDays(9), Texts.PitchMessage)] }, [RuleIds.BaitAndSwitch]),
        ["bait-and-switch and connect-and-sell in one message"] = (Accepted() with { Note = Texts.InvitationNote, Messages = [FromSender(TimeSpan.FromHours(1), Texts.PitchMessage)] }, [RuleIds.ConnectAndSell, RuleIds.BaitAndSwitch]),
        ["bait-and-switch from someone known offline"] = (Accepted() with { KnownOffline = true, Note = Texts.InvitationNote, Messages = [FromSender(TimeSpan.FromHours(1), Texts.PitchMessage)] }, [RuleIds.BaitAndSwitch]),
        ["pitch before acceptance after an invitation"] = (Accepted() with { Note = Texts.InvitationNote, Messages = [new Message(SentAt.AddHours(3), Texts.PitchMessage)] }, [RuleIds.BaitAndSwitch]),
        ["invitation that is itself a pitch"] = (Accepted() with { Note = "Join us at our webinar: we help SaaS teams double their pipeline. Book a demo today.", Messages = [FromSender(TimeSpan.FromDays(9), Texts.PitchMessage)] }, []),
        ["endorsement quid-pro-quo"] = (Accepted() with { Endorsements = [Endorsed(TimeSpan.FromHours(1))], Messages = [FromSender(TimeSpan.FromHours(2), Texts.EndorseBackMessage)] }, [RuleIds.EndorsementQuidProQuo]),
        ["ask before the endorsement"] = (Accepted() with { Endorsements = [Endorsed(TimeSpan.FromHours(3))], Messages = [FromSender(TimeSpan.FromHours(2), Texts.EndorseBackMessage)] }, []),
        ["ask without endorsement"] = (Accepted() with { Messages = [FromSender(TimeSpan.FromHours(2), Texts.EndorseBackMessage)] }, []),
        ["quid-pro-quo from someone known offline"] = (Accepted() with { KnownOffline = true, Endorsements = [Endorsed(TimeSpan.FromHours(1))], Messages = [FromSender(TimeSpan.FromHours(2), Texts.EndorseBackMessage)] }, []),
        ["four sender messages in a row"] = (Accepted() with { Messages = [.. Enumerable.Range(0, 4).Select(i => FromSender(TimeSpan.FromDays(5 + i), Texts.Conversation(i, 150)))] }, [RuleIds.RepetitiveMessaging]),
        ["three sender messages in a row"] = (Accepted() with { Messages = [.. Enumerable.Range(0, 3).Select(i => FromSender(TimeSpan.FromDays(5 + i), Texts.Conversation(i, 150)))] }, []),
        ["three near-duplicates between replies"] = (Accepted() with
        {
            Messages =
            [
                FromSender(TimeSpan.FromDays(5), "Are you coming to the Porto meetup on Thursday evening?"),
                FromRecipient(TimeSpan.FromDays(6), "Not sure yet."),
                FromSender(TimeSpan.FromDays(7), "Are you coming to the Porto meetup on Thursday?"),
                FromRecipient(TimeSpan.FromDays(8), "Still not sure."),
                FromSender(TimeSpan.FromDays(9), "So, are you coming to the Porto meetup on Thursday evening?"),
            ],
        }, [RuleIds.RepetitiveMessaging]),
        ["messages without words"] = (Accepted() with { Messages = [FromSender(TimeSpan.FromDays(5), "!!!"), FromRecipient(TimeSpan.FromDays(6), "?"), FromSender(TimeSpan.FromDays(7), "..."), FromRecipient(TimeSpan.FromDays(8), ":)"), FromSender(TimeSpan.FromDays(9), "")] }, []),
        ["young account without photo"] = (Pending() with { Sender = Sender() with { MemberSince = Now.AddDays(-3), HasPhoto = false } }, [RuleIds.FakeProfile]),
        ["account dated in the future without photo"] = (Pending() with { Sender = Sender() with { MemberSince = Now.AddDays(3), HasPhoto = false } }, []),
        ["few connections, photo unknown"] = (Pending() with { Sender = Sender() with { ConnectionCount = 3, HasPhoto = null } }, []),
        ["few connections, no photo"] = (Pending() with { Sender = Sender() with { ConnectionCount = 3, HasPhoto = false } }, [RuleIds.FakeProfile]),
        ["101 invitations last week"] = (Pending() with { Sender = Sender() with { InvitationsSentLastWeek = 101 } }, [RuleIds.MassInviter]),
        ["100 invitations last week"] = (Pending() with { Sender = Sender() with { InvitationsSentLastWeek = 100 } }, []),
        ["10,000 connections"] = (Pending() with { Sender = Sender() with { ConnectionCount = 10_000 } }, [RuleIds.MassInviter]),
        ["LION in the headline"] = (Pending() with { Sender = Sender() with { Headline = "Recruiter | LION" } }, [RuleIds.OpenNetworker]),
        ["LIONs in the note"] = (Pending() with { Note = "Hi Sam, fellow LIONs stick together, and I liked your talk on build caching." }, [RuleIds.OpenNetworker]),
        ["Lions fan"] = (Pending() with { Sender = Sender() with { Headline = "Engineer, Detroit Lions fan" } }, []),
        ["open networker in the note"] = (Pending() with { Note = "Hi Sam, I am an open networker and liked your talk on build caching." }, [RuleIds.OpenNetworker]),
        ["accepted before it was sent"] = (Accepted() with { AcceptedAt = SentAt.AddHours(-1), Note = null }, [RuleIds.InconsistentRequest]),
        ["message before the request"] = (Accepted() with { Messages = [new Message(SentAt.AddHours(-1), Texts.PitchMessage)] }, [RuleIds.InconsistentRequest]),
        ["endorsement before the request"] = (Accepted() with { Endorsements = [new Endorsement(SentAt.AddDays(-1), "Go")] }, [RuleIds.InconsistentRequest]),
        ["pending with a sender message"] = (Pending() with { MutualConnections = 0, Messages = [new Message(SentAt.AddHours(1), Texts.PitchMessage)] }, [RuleIds.InconsistentRequest]),
        ["pending with the note as first message"] = (Pending() with { Messages = [new Message(SentAt, "  " + Texts.ShortPersonalNote.ToUpperInvariant())] }, []),
        ["pending with a reply"] = (Pending() with { Messages = [new Message(SentAt.AddHours(1), "Thanks, happy to connect.", MessageDirection.FromRecipient)] }, []),
        ["everything at once while pending"] = (Pending() with
        {
            Note = Texts.PitchNote,
            MutualConnections = 0,
            Recipient = null,
            Sender = Sender() with { Headline = "LION", MemberSince = Now.AddDays(-2), HasPhoto = false, ConnectionCount = 2, InvitationsSentLastWeek = 500 },
        }, [RuleIds.Stranger, RuleIds.PitchInNote, RuleIds.FakeProfile, RuleIds.MassInviter, RuleIds.OpenNetworker]),
    };

    public static IEnumerable<(ConnectionRequest Request, string[] Expected)> All => Cases.Values;

    public static TheoryData<string> Names() => new(Cases.Keys);

    public static (ConnectionRequest Request, string[] Expected) Get(string name) => Cases[name];

    private static MemberProfile Sender() => new()
    {
        Name = "Dana Whitfield",
        Headline = Texts.Headline,
        ConnectionCount = 420,
        MemberSince = Now.AddYears(-6),
        HasPhoto = true,
        Groups = ["Platform Engineering"],
        InvitationsSentLastWeek = 3,
    };

    private static ConnectionRequest Pending() => new()
    {
        Id = "varied",
        Sender = Sender(),
        Recipient = new MemberProfile { Name = "Sam Ortega", Groups = ["platform engineering"] },
        Note = Texts.ShortPersonalNote,
        SentAt = SentAt,
        MutualConnections = 4,
    };

    private static ConnectionRequest Accepted() => Pending() with { AcceptedAt = AcceptedAt };

    private static Message FromSender(TimeSpan afterAcceptance, string text) => new(AcceptedAt + afterAcceptance, text);

    private static Message FromRecipient(TimeSpan afterAcceptance, string text) => new(AcceptedAt + afterAcceptance, text, MessageDirection.FromRecipient);

    private static Endorsement Endorsed(TimeSpan afterAcceptance) => new(AcceptedAt + afterAcceptance, "Go");
}
