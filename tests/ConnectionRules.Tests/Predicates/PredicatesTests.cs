using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests;

/// <summary>Truth tables of every built-in predicate, asked the way a user asks: through a fluent rule in a real engine.</summary>
public sealed class PredicatesTests
{
    private static readonly ConnectionRequest Pending = Requests.Clean();

    public static TheoryData<string, ConnectionRequest, bool> HasPersonalNoteTable => new()
    {
        { "a personal note", Pending, true },
        { "no note", Pending with { Note = null }, false },
        { "an empty note", Pending with { Note = "" }, false },
        { "a blank note", Pending with { Note = "  \n\t " }, false },
        { "the stock text", Pending with { Note = "I'd like to add you to my professional network on LinkedIn." }, false },
        { "the stock text, curly apostrophe", Pending with { Note = "I\u2019d like to add you to my professional network on LinkedIn." }, false },
        { "the stock text, other casing", Pending with { Note = "i'D LIKE TO JOIN YOUR LINKEDIN NETWORK" }, false },
        { "the stock text with a greeting and a sign-off", Pending with { Note = "Hi Sam, I'd like to join your LinkedIn network. - Dana" }, false },
        { "the stock text and a reason", Pending with { Note = "Hi Sam, I'd like to add you to my professional network because we both maintain build tools in Rust." }, true },
    };

    [Theory]
    [MemberData(nameof(HasPersonalNoteTable))]
    public void HasPersonalNote(string _, ConnectionRequest request, bool expected) =>
        Assert.Equal(expected, Requests.Matches(Predicates.HasPersonalNote, request));

    public static TheoryData<string, ConnectionRequest, bool> SharedGroupTable => new()
    {
        { "a group in common, other casing", Pending, true },
        { "no recipient", Pending with { Recipient = null }, false },
        { "recipient in no group", Pending with { Recipient = new MemberProfile { Name = "Sam" } }, false },
        { "different groups", Pending with { Recipient = new MemberProfile { Name = "Sam", Groups = ["Knitting"] } }, false },
        { "sender in no group", Pending with { Sender = Pending.Sender with { Groups = [] } }, false },
        { "same group with stray spaces", Pending with { Recipient = new MemberProfile { Name = "Sam", Groups = [" rust users lisbon "] } }, true },
    };

    [Theory]
    [MemberData(nameof(SharedGroupTable))]
    public void SharedGroup(string _, ConnectionRequest request, bool expected) =>
        Assert.Equal(expected, Requests.Matches(Predicates.SharedGroup, request));

    public static TheoryData<string, ConnectionRequest, bool> SimpleFactsTable => new()
    {
        { "KnownOffline: yes", Pending with { KnownOffline = true }, true },
        { "KnownOffline: no", Pending, false },
        { "IntroducedByConnection: named", Pending with { IntroducedBy = "Ann Lee" }, true },
        { "IntroducedByConnection: blank", Pending with { IntroducedBy = " " }, false },
        { "IntroducedByConnection: none", Pending, false },
        { "Accepted: accepted", Requests.Accepted(), true },
        { "Accepted: pending", Pending, false },
    };

    [Theory]
    [MemberData(nameof(SimpleFactsTable))]
    public void Simple_facts(string name, ConnectionRequest request, bool expected)
    {
        var predicate = name.Split(':')[0] switch
        {
            "KnownOffline" => Predicates.KnownOffline,
            "IntroducedByConnection" => Predicates.IntroducedByConnection,
            _ => Predicates.Accepted,
        };
        Assert.Equal(expected, Requests.Matches(predicate, request));
    }

    [Theory]
    [InlineData(null, 1, false)]
    [InlineData(0, 1, false)]
    [InlineData(1, 1, true)]
    [InlineData(2, 3, false)]
    [InlineData(3, 3, true)]
    [InlineData(0, 0, true)]
    public void HasMutualConnections_needs_the_count_known_and_at_least_n(int? mutual, int atLeast, bool expected) =>
        Assert.Equal(expected, Requests.Matches(Predicates.HasMutualConnections(atLeast), Pending with { MutualConnections = mutual }));

    [Theory]
    [InlineData(null, 10, false, false)]
    [InlineData(9, 10, false, true)]
    [InlineData(10, 10, true, false)]
    [InlineData(11, 10, true, false)]
    public void Sender_connection_thresholds_need_the_count_known(int? count, int n, bool atLeast, bool below)
    {
        var request = Pending with { Sender = Pending.Sender with { ConnectionCount = count } };
        Assert.Equal(atLeast, Requests.Matches(Predicates.SenderConnectionsAtLeast(n), request));
        Assert.Equal(below, Requests.Matches(Predicates.SenderConnectionsBelow(n), request));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(29, true)]
    [InlineData(30, false)]
    [InlineData(31, false)]
    public void AccountYoungerThan_measures_against_the_engine_clock(int? ageInDays, bool expected)
    {
        var request = Pending with { Sender = Pending.Sender with { MemberSince = ageInDays is { } days ? Requests.Now.AddDays(-days) : null } };
        Assert.Equal(expected, Requests.Matches(Predicates.AccountYoungerThan(TimeSpan.FromDays(30)), request));
    }

    [Theory]
    [InlineData("Looking for a new ROLE in platform teams", true)]
    [InlineData("Any open position?", true)]
    [InlineData("Hello there", false)]
    [InlineData(null, false)]
    public void NoteContains_is_case_insensitive(string? note, bool expected) =>
        Assert.Equal(expected, Requests.Matches(Predicates.NoteContains("role", "position"), Pending with { Note = note }));

    [Theory]
    [InlineData("Technical Recruiter at Hooli", true)]
    [InlineData("Platform engineer", false)]
    [InlineData(null, false)]
    public void HeadlineContains_is_case_insensitive(string? headline, bool expected) =>
        Assert.Equal(expected, Requests.Matches(Predicates.HeadlineContains("recruit"), Pending with { Sender = Pending.Sender with { Headline = headline } }));

    [Theory]
    [InlineData("I'd love to show you a quick demo of our platform.", true)]
    [InlineData("Thanks for the talk, see you at the next meetup!", false)]
    [InlineData(null, false)]
    public void PitchInNote_asks_the_engine_pitch_detector(string? note, bool expected) =>
        Assert.Equal(expected, Requests.Matches(Predicates.PitchInNote, Pending with { Note = note }));

    public static TheoryData<string, ConnectionRequest, bool> PitchWithinTable => new()
    {
        { "pitch one hour after acceptance", Requests.Accepted() with { Messages = [Requests.FromSender(TimeSpan.FromHours(1), "We help teams like yours cut cloud costs. Free consultation?")] }, true },
        { "pitch at exactly the window's end", Requests.Accepted() with { Messages = [Requests.FromSender(TimeSpan.FromHours(48), "We help teams like yours cut cloud costs. Free consultation?")] }, true },
        { "pitch one tick after the window", Requests.Accepted() with { Messages = [Requests.FromSender(TimeSpan.FromHours(48) + TimeSpan.FromTicks(1), "We help teams like yours cut cloud costs. Free consultation?")] }, false },
        { "pitch from the recipient", Requests.Accepted() with { Messages = [Requests.FromRecipient(TimeSpan.FromHours(1), "We help teams like yours cut cloud costs. Free consultation?")] }, false },
        { "friendly message", Requests.Accepted() with { Messages = [Requests.FromSender(TimeSpan.FromHours(1), "Thanks for connecting!")] }, false },
        { "still pending", Pending, false },
    };

    [Theory]
    [MemberData(nameof(PitchWithinTable))]
    public void PitchWithin_includes_both_ends_of_the_window(string _, ConnectionRequest request, bool expected) =>
        Assert.Equal(expected, Requests.Matches(Predicates.PitchWithin(TimeSpan.FromHours(48)), request));

    [Fact]
    public void Custom_wraps_a_condition_on_the_request()
    {
        var customer = Predicates.Custom("Existing customer", r => r.Sender.Name == "Ann Lee");
        Assert.Equal("Existing customer", customer.Name);
        Assert.True(Requests.Matches(customer, Pending with { Sender = Pending.Sender with { Name = "Ann Lee" } }));
        Assert.False(Requests.Matches(customer, Pending));
    }

    public static TheoryData<RequestPredicate, string> Names => new()
    {
        { Predicates.HasMutualConnections(), "HasMutualConnections(1)" },
        { Predicates.PitchWithin(TimeSpan.FromHours(72)), "PitchWithin(3.00:00:00)" },
        { Predicates.NoteContains("role", "position"), "NoteContains(\"role\", \"position\")" },
        { Predicates.HeadlineContains("recruit"), "HeadlineContains(\"recruit\")" },
        { Predicates.SenderConnectionsAtLeast(500), "SenderConnectionsAtLeast(500)" },
        { Predicates.SenderConnectionsBelow(10), "SenderConnectionsBelow(10)" },
        { Predicates.AccountYoungerThan(TimeSpan.FromDays(30)), "AccountYoungerThan(30.00:00:00)" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Parameterised_predicates_are_named_after_their_call(RequestPredicate predicate, string name) => Assert.Equal(name, predicate.Name);

    [Fact]
    public void Arguments_are_checked_where_they_are_given()
    {
        Assert.Equal("atLeast", Assert.Throws<ArgumentOutOfRangeException>(() => Predicates.HasMutualConnections(-1)).ParamName);
        Assert.Equal("window", Assert.Throws<ArgumentOutOfRangeException>(() => Predicates.PitchWithin(TimeSpan.FromHours(-1))).ParamName);
        Assert.Equal("age", Assert.Throws<ArgumentOutOfRangeException>(() => Predicates.AccountYoungerThan(TimeSpan.FromDays(-1))).ParamName);
        Assert.Equal("phrases", Assert.Throws<ArgumentException>(() => Predicates.NoteContains()).ParamName);
        Assert.Equal("phrases", Assert.Throws<ArgumentException>(() => Predicates.HeadlineContains("ok", " ")).ParamName);
        Assert.Equal("predicate", Assert.Throws<ArgumentNullException>(() => Predicates.Custom("x", null!)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => Predicates.Custom(" ", _ => true)).ParamName);
    }
}
