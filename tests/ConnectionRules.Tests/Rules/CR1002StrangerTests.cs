using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Rules;

/// <summary>CR1002: a pending request from a stranger, with no shared context at all.</summary>
public sealed class CR1002StrangerTests
{
    private const string Id = "CR1002";
    private const string Message = "Dana Whitfield is a stranger: no mutual connections, shared group, introduction or offline acquaintance";

    /// <summary>No mutual connection, no shared group, no introduction, never met.</summary>
    private static ConnectionRequest Stranger() => Requests.Clean() with
    {
        MutualConnections = 0,
        Recipient = new MemberProfile { Name = "Sam Ortega", Groups = ["Lisbon Runners"] },
    };

    public static TheoryData<string, ConnectionRequest> EscapeHatches => new()
    {
        { "one mutual connection", Stranger() with { MutualConnections = 1 } },
        { "many mutual connections", Stranger() with { MutualConnections = 250 } },
        { "a shared group", Stranger() with { Recipient = new MemberProfile { Name = "Sam Ortega", Groups = ["Lisbon Runners", "Platform Engineering"] } } },
        { "a shared group spelled in another case", Stranger() with { Recipient = new MemberProfile { Name = "Sam Ortega", Groups = ["PLATFORM ENGINEERING"] } } },
        { "a shared group with stray spaces", Stranger() with { Recipient = new MemberProfile { Name = "Sam Ortega", Groups = ["  rust users lisbon "] } } },
        { "an introduction", Stranger() with { IntroducedBy = "Priya Natarajan" } },
        { "an offline acquaintance", Stranger() with { KnownOffline = true } },
    };

    [Fact]
    public void a_pending_request_from_a_known_stranger_is_reported_with_the_senders_name()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Stranger());

        Assert.Equal([(Id, "mutualConnections", Message)], Reported(evaluation));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\u200B")]
    public void a_stranger_whose_name_is_hidden_is_the_sender(string name)
    {
        var request = Stranger();
        var evaluation = Requests.RecommendedEngine().Evaluate(request with { Sender = request.Sender with { Name = name } });

        Assert.Equal([(Id, "mutualConnections", Message.Replace("Dana Whitfield", "The sender", StringComparison.Ordinal))], Reported(evaluation));
    }

    [Fact]
    public void a_stranger_is_the_only_finding_and_calls_for_review()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Stranger());

        var diagnostic = Assert.Single(evaluation.Diagnostics);
        Assert.Equal((Id, Severity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(Verdict.Review, evaluation.Verdict);
    }

    [Theory]
    [MemberData(nameof(EscapeHatches))]
    public void any_shared_context_means_not_a_stranger(string context, ConnectionRequest request)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.True(Reported(evaluation).Length == 0, $"{context} should keep CR1002 quiet");
    }

    [Fact]
    public void unknown_mutual_connections_are_not_evidence()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Stranger() with { MutualConnections = null });

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void an_unknown_recipient_shares_no_group_so_zero_mutual_connections_still_make_a_stranger()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Stranger() with { Recipient = null });

        Assert.Equal([(Id, "mutualConnections", Message)], Reported(evaluation));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void a_blank_introduction_is_no_introduction(string introducedBy)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Stranger() with { IntroducedBy = introducedBy });

        Assert.Equal([(Id, "mutualConnections", Message)], Reported(evaluation));
    }

    [Fact]
    public void blank_group_names_on_both_sides_are_not_a_shared_group()
    {
        var request = Stranger() with
        {
            Sender = Stranger().Sender with { Groups = [""] },
            Recipient = new MemberProfile { Name = "Sam Ortega", Groups = [" "] },
        };

        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.Equal([(Id, "mutualConnections", Message)], Reported(evaluation));
    }

    [Fact]
    public void an_accepted_connection_is_no_longer_judged_as_a_stranger()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Stranger() with { AcceptedAt = Requests.SentAt.AddDays(1) });

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_disabled_rule_never_reports()
    {
        Assert.NotEmpty(Reported(Requests.RecommendedEngine().Evaluate(Stranger())));
        Assert.Empty(Reported(Requests.RecommendedEngine(b => b.Disable(Id)).Evaluate(Stranger())));
    }

    [Theory]
    [InlineData(Severity.Hidden)]
    [InlineData(Severity.Info)]
    [InlineData(Severity.Error)]
    public void a_configured_severity_replaces_the_default_warning(Severity severity)
    {
        Assert.Equal(Severity.Warning, Single(Requests.RecommendedEngine(), Stranger()).Severity);
        Assert.Equal(severity, Single(Requests.RecommendedEngine(b => b.SetSeverity(Id, severity)), Stranger()).Severity);
    }

    private static Diagnostic Single(RuleEngine engine, ConnectionRequest request) =>
        Assert.Single(engine.Evaluate(request).Diagnostics, d => d.Id == Id);

    private static (string Id, string? Location, string Message)[] Reported(Evaluation evaluation) => Reports.Of(evaluation, Id);
}
