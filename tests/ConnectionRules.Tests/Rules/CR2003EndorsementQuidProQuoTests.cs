using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Rules;

/// <summary>CR2003: endorsement quid-pro-quo, unasked endorsements followed by a request to be endorsed back.</summary>
public sealed class CR2003EndorsementQuidProQuoTests
{
    private const string Id = "CR2003";
    private const string Ask = "Hi Sam, please endorse me back for Kubernetes.";
    private static readonly DateTimeOffset AcceptedAt = Requests.SentAt.AddDays(1);

    public static TheoryData<string, string> Asks => new()
    {
        { "Hi Sam, please endorse me back for Kubernetes.", "endorse me back" },
        { "Could you endorse a couple of my skills?", "Could you endorse" },
        { "Would you mind endorsing me for Go?", "mind endorsing" },
        { "Happy to help. Maybe you could return the favour?", "return the favour" },
        { "We should endorse each other, it helps both profiles.", "endorse each other" },
    };

    private static Endorsement EndorsedAfter(TimeSpan after, string skill) => new(AcceptedAt + after, skill);

    private static ConnectionRequest Endorsed(params Message[] messages) => Requests.Accepted() with
    {
        Endorsements = [EndorsedAfter(TimeSpan.FromHours(1), "Rust"), EndorsedAfter(TimeSpan.FromHours(2), "Build systems")],
        Messages = messages,
    };

    [Theory]
    [MemberData(nameof(Asks))]
    public void endorsements_then_an_ask_to_be_endorsed_back_are_reported_at_the_ask(string ask, string quoted)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Endorsed(
            Requests.FromSender(TimeSpan.FromMinutes(30), "Thanks for connecting!"),
            Requests.FromSender(TimeSpan.FromHours(3), ask)));

        Assert.Equal(
            [(Id, "messages[1]", $"The sender endorsed 2 skill(s), then asked to be endorsed back (\"{quoted}\")")],
            Reported(evaluation));
    }

    [Fact]
    public void a_quid_pro_quo_on_an_otherwise_clean_connection_calls_for_review()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Endorsed(Requests.FromSender(TimeSpan.FromHours(3), Ask)));

        var diagnostic = Assert.Single(evaluation.Diagnostics);
        Assert.Equal((Id, Severity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(Verdict.Review, evaluation.Verdict);
    }

    [Fact]
    public void only_the_first_ask_is_reported()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Endorsed(
            Requests.FromSender(TimeSpan.FromHours(3), Ask),
            Requests.FromSender(TimeSpan.FromHours(30), "Could you endorse me for Go as well?")));

        Assert.Equal(["messages[0]"], Reported(evaluation).Select(d => d.Location));
    }

    [Fact]
    public void the_message_counts_only_the_endorsements_given_before_the_ask()
    {
        var request = Requests.Accepted() with
        {
            Endorsements = [EndorsedAfter(TimeSpan.FromHours(1), "Rust"), EndorsedAfter(TimeSpan.FromDays(4), "Go"), EndorsedAfter(TimeSpan.FromDays(5), "Bazel")],
            Messages = [Requests.FromSender(TimeSpan.FromHours(3), Ask)],
        };

        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.Equal(
            [(Id, "messages[0]", "The sender endorsed 1 skill(s), then asked to be endorsed back (\"endorse me back\")")],
            Reported(evaluation));
    }

    [Fact]
    public void an_ask_before_the_first_endorsement_is_not_quid_pro_quo()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Endorsed(Requests.FromSender(TimeSpan.FromMinutes(30), Ask)));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void the_first_endorsement_is_the_earliest_whatever_the_order_of_the_list()
    {
        var request = Requests.Accepted() with
        {
            Endorsements = [EndorsedAfter(TimeSpan.FromHours(5), "Rust"), EndorsedAfter(TimeSpan.FromHours(1), "Go")],
            Messages = [Requests.FromSender(TimeSpan.FromHours(3), Ask)],
        };

        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.Equal(["messages[0]"], Reported(evaluation).Select(d => d.Location));
    }

    [Fact]
    public void an_ask_from_a_sender_known_offline_is_a_favour_between_friends()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Endorsed(Requests.FromSender(TimeSpan.FromHours(3), Ask)) with { KnownOffline = true });

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void an_ask_without_any_endorsement_is_not_quid_pro_quo()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Endorsed(Requests.FromSender(TimeSpan.FromHours(3), Ask)) with { Endorsements = [] });

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void an_ask_from_the_recipient_is_not_the_senders_quid_pro_quo()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Endorsed(Requests.FromRecipient(TimeSpan.FromHours(3), Ask)));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void endorsements_followed_by_ordinary_messages_are_fine()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Endorsed(
            Requests.FromSender(TimeSpan.FromHours(3), "Thanks for connecting, see you at the meetup!")));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void mentioning_an_endorsement_is_not_asking_for_one_back()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Endorsed(
            Requests.FromSender(TimeSpan.FromHours(3), "I endorsed you for Rust, your talk on build caching was excellent.")));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_disabled_rule_never_reports()
    {
        var request = Endorsed(Requests.FromSender(TimeSpan.FromHours(3), Ask));

        Configurability.DisableSilences(Id, request);
    }

    [Theory]
    [InlineData(Severity.Hidden)]
    [InlineData(Severity.Info)]
    [InlineData(Severity.Error)]
    public void a_configured_severity_replaces_the_default_warning(Severity severity)
    {
        var request = Endorsed(Requests.FromSender(TimeSpan.FromHours(3), Ask));

        Configurability.SetSeverityReplaces(Id, request, Severity.Warning, severity);
    }


    [Fact]
    public void an_ask_the_instant_of_the_first_endorsement_counts_whatever_the_offsets()
    {
        // Endorsed on a clock in Tokyo (UTC+9), asked on one in New York (UTC-5).
        var newYork = TimeSpan.FromHours(-5);
        var endorsedAt = AcceptedAt.AddHours(1);
        var request = Requests.Accepted() with { Endorsements = [new Endorsement(endorsedAt.ToOffset(TimeSpan.FromHours(9)), "Rust")] };
        var engine = Requests.RecommendedEngine();

        Assert.Single(Reported(engine.Evaluate(request with { Messages = [new Message(endorsedAt.ToOffset(newYork), Ask)] })));
        Assert.Empty(Reported(engine.Evaluate(request with { Messages = [new Message((endorsedAt - TimeSpan.FromTicks(1)).ToOffset(newYork), Ask)] })));
    }

    private static (string Id, string? Location, string Message)[] Reported(Evaluation evaluation) => Reports.Of(evaluation, Id);
}
