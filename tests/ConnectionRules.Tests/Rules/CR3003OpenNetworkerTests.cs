using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Rules;

/// <summary>CR3003: a self-declared open networker (LION) in the headline or the note.</summary>
public sealed class CR3003OpenNetworkerTests
{
    private const string Id = "CR3003";

    private static ConnectionRequest WithHeadline(string? headline)
    {
        var request = Requests.Clean();
        return request with { Sender = request.Sender with { Headline = headline } };
    }

    public static TheoryData<string, string> DeclaringHeadlines => new()
    {
        { "LION | Recruiter at Contoso", "LION" },
        { "Recruiter (LION)", "LION" },
        { "Sales lead, LIONs welcome", "LION" },
        { "LION", "LION" },
        { "Recruiter, LIONs", "LION" },
        { "Open Networker - I accept all invites", "Open Networker" },
        { "Toplinked member, always connecting", "Toplinked" },

        // Invisible characters hide neither the acronym nor a phrase.
        { "Proud LI\u200BON\u00AD, happy to connect", "LION" },
        { "Open\u200B Net\u200Cworker", "Open\u200B Net\u200Cworker" },
        { "Proud L\U000E0049ION", "LION" }, // a tag character, a surrogate pair
        { "Open Netw\U000E0077orker", "Open Netw\U000E0077orker" },

        // Nor do bold or fullwidth letters.
        { "Proud " + StyledText.In(StyledText.Style.SansBold, "LION"), "LION" },
        { "Recruiter | " + StyledText.In(StyledText.Style.Fullwidth, "LIONs") + " welcome", "LION" },
        { StyledText.In(StyledText.Style.SansBold, "Open Networker"), StyledText.In(StyledText.Style.SansBold, "Open Networker") },
    };

    public static TheoryData<string?> OrdinaryHeadlines => new()
    {
        "Lion tamer at the Lisbon circus",
        "lion enthusiast",
        "Lions Club volunteer",
        "MILLION-dollar closer",
        "Head of DEVELOPMENT at LIONEL & Co",
        "CFO at LIONsgate Media",
        "Analyst at LIONs2 Capital",
        "Big LION\u200Bsgate fan",
        "MIL\u200BLION-dollar closer",
        "Big LION\U000E0073sgate fan",
        "Big " + StyledText.In(StyledText.Style.SansBold, "LIONsgate") + " fan",
        StyledText.In(StyledText.Style.SansBold, "Lion") + " tamer",
        "MIL" + StyledText.In(StyledText.Style.SansBold, "LION") + "-dollar closer",
        "Platform engineer at Northwind",
        "",
        null,
    };

    [Theory]
    [MemberData(nameof(DeclaringHeadlines))]
    public void a_declaration_in_the_headline_is_reported_at_the_headline(string headline, string quoted)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(WithHeadline(headline));

        Assert.Equal(
            [(Id, "sender.headline", $"The sender declares themselves an open networker (\"{quoted}\")")],
            Reported(evaluation));
    }

    [Theory]
    [MemberData(nameof(OrdinaryHeadlines))]
    public void a_headline_without_a_declaration_is_not_reported(string? headline)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(WithHeadline(headline));

        Assert.Empty(Reported(evaluation));
    }

    [Theory]
    [InlineData("Hi Sam, I'm an open networker and connect with everyone in tech.", "open networker")]
    [InlineData("Hi Sam, fellow LION here, let's grow our networks.", "LION")]
    public void a_declaration_in_the_note_is_reported_at_the_note(string note, string quoted)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Requests.Clean() with { Note = note });

        Assert.Equal(
            [(Id, "note", $"The sender declares themselves an open networker (\"{quoted}\")")],
            Reported(evaluation));
    }

    [Fact]
    public void a_declaration_in_both_places_is_reported_once_at_the_headline()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(WithHeadline("LION | Recruiter") with { Note = "Hi Sam, I'm an open networker." });

        Assert.Equal(["sender.headline"], Reported(evaluation).Select(d => d.Location));
    }

    [Fact]
    public void an_open_networker_only_informs()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(WithHeadline("LION | Recruiter"));

        var diagnostic = Assert.Single(evaluation.Diagnostics);
        Assert.Equal((Id, Severity.Info), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(Verdict.Accept, evaluation.Verdict);
    }

    [Fact]
    public void an_accepted_connection_is_still_judged()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(WithHeadline("LION") with { AcceptedAt = Requests.SentAt.AddDays(1) });

        Assert.Single(Reported(evaluation));
    }

    [Fact]
    public void a_disabled_rule_never_reports()
    {
        var request = WithHeadline("LION | Recruiter");

        Configurability.DisableSilences(Id, request);
    }

    [Theory]
    [InlineData(Severity.Hidden)]
    [InlineData(Severity.Warning)]
    [InlineData(Severity.Error)]
    public void a_configured_severity_replaces_the_default_info(Severity severity)
    {
        var request = WithHeadline("LION | Recruiter");

        Configurability.SetSeverityReplaces(Id, request, Severity.Info, severity);
    }


    private static (string Id, string? Location, string Message)[] Reported(Evaluation evaluation) => Reports.Of(evaluation, Id);
}
