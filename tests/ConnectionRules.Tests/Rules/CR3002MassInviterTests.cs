using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Rules;

/// <summary>CR3002: a mass inviter, by invitations sent last week or by the size of the network.</summary>
public sealed class CR3002MassInviterTests
{
    private const string Id = "CR3002";

    private static ConnectionRequest From(int? invitationsSentLastWeek, int? connections)
    {
        var request = Requests.Clean();
        return request with
        {
            Sender = request.Sender with { InvitationsSentLastWeek = invitationsSentLastWeek, ConnectionCount = connections },
        };
    }

    public static TheoryData<int?, int?, string, string> MassInviters => new()
    {
        { 101, 420, "sender.invitationsSentLastWeek", "The sender invites en masse: 101 invitations sent last week" },
        { 2500, null, "sender.invitationsSentLastWeek", "The sender invites en masse: 2500 invitations sent last week" },
        { 3, 10_000, "sender.connectionCount", "The sender invites en masse: 10000 connections" },
        { null, 30_000, "sender.connectionCount", "The sender invites en masse: 30000 connections" },
        { 101, 30_000, "sender.invitationsSentLastWeek", "The sender invites en masse: 101 invitations sent last week" },
    };

    public static TheoryData<int?, int?> OrdinaryOrUnknownSenders => new()
    {
        { 100, 420 },
        { 3, 9_999 },
        { 100, 9_999 },
        { 0, 0 },
        { null, 420 },
        { 3, null },
        { null, null },
    };

    [Theory]
    [MemberData(nameof(MassInviters))]
    public void a_mass_inviter_is_reported_at_the_fact_that_gives_them_away(int? invitations, int? connections, string location, string message)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(From(invitations, connections));

        Assert.Equal([(Id, location, message)], Reported(evaluation));
    }

    [Theory]
    [MemberData(nameof(OrdinaryOrUnknownSenders))]
    public void up_to_100_invitations_and_fewer_than_10000_connections_are_ordinary(int? invitations, int? connections)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(From(invitations, connections));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_mass_inviter_on_an_otherwise_clean_request_calls_for_review()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(From(101, 420));

        var diagnostic = Assert.Single(evaluation.Diagnostics);
        Assert.Equal((Id, Severity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(Verdict.Review, evaluation.Verdict);
    }

    [Fact]
    public void an_accepted_connection_is_still_judged()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(From(3, 12_000) with { AcceptedAt = Requests.SentAt.AddDays(1) });

        Assert.Equal([(Id, "sender.connectionCount", "The sender invites en masse: 12000 connections")], Reported(evaluation));
    }

    [Fact]
    public void the_thresholds_come_from_the_options()
    {
        var strict = Requests.RecommendedEngine(b => b.Configure(o =>
        {
            o.MassInvitationsPerWeek = 20;
            o.MassConnectionCount = 5_000;
        }));

        Assert.Equal(
            [(Id, "sender.invitationsSentLastWeek", "The sender invites en masse: 21 invitations sent last week")],
            Reported(strict.Evaluate(From(21, 420))));
        Assert.Empty(Reported(strict.Evaluate(From(20, 4_999))));
        Assert.Equal(
            [(Id, "sender.connectionCount", "The sender invites en masse: 5000 connections")],
            Reported(strict.Evaluate(From(3, 5_000))));
    }

    [Fact]
    public void a_disabled_rule_never_reports()
    {
        var request = From(101, 10_000);

        Configurability.DisableSilences(Id, request);
    }

    [Theory]
    [InlineData(Severity.Hidden)]
    [InlineData(Severity.Info)]
    [InlineData(Severity.Error)]
    public void a_configured_severity_replaces_the_default_warning(Severity severity)
    {
        var request = From(101, 420);

        Configurability.SetSeverityReplaces(Id, request, Severity.Warning, severity);
    }


    private static (string Id, string? Location, string Message)[] Reported(Evaluation evaluation) => Reports.Of(evaluation, Id);
}
