using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Engine;

/// <summary>
/// The hot path's allocation contract, measured deterministically with <see cref="GC.GetAllocatedBytesForCurrentThread"/>
/// (speed itself is proven by the benchmarks, never by a timed test): a request that produces diagnostics allocates
/// the diagnostics and the array that holds them, and nothing else: not what their messages are made of (the built-in
/// rules share those texts across evaluations), and nothing that grows with the text the rules read.
/// </summary>
[Collection(MeasurementCollection.Name)]
public sealed class AllocationTests
{
    private static readonly RuleEngine Engine = Requests.RecommendedEngine();

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 20)]
    [InlineData(1, 400)]
    [InlineData(50, 0)]
    public void A_flagged_evaluation_allocates_its_diagnostics_and_nothing_that_grows_with_the_text(int chatter, int fillerSentences)
    {
        var small = Flagged(1, 0);
        var request = Flagged(chatter, fillerSentences);

        var (smallBytes, smallEvaluation) = Measure(small);
        var (bytes, evaluation) = Measure(request);

        Assert.Equal(
            [RuleIds.ConnectAndSell, RuleIds.BaitAndSwitch, RuleIds.RepetitiveMessaging, RuleIds.OpenNetworker],
            evaluation.Diagnostics.Select(d => d.Id).Distinct());
        Assert.Equal(smallEvaluation.Diagnostics.Select(d => d.Message), evaluation.Diagnostics.Select(d => d.Message));
        Assert.Equal(smallBytes, bytes);
        Assert.Equal(DiagnosticsBytes(evaluation.Diagnostics.Count), bytes);
    }

    [Theory]
    [InlineData("bought stranger", new[] { RuleIds.MissingNote, RuleIds.Stranger, RuleIds.FakeProfile, RuleIds.MassInviter })]
    [InlineData("pitching note", new[] { RuleIds.PitchInNote })]
    [InlineData("endorsing back, following up", new[] { RuleIds.ConnectAndSell, RuleIds.EndorsementQuidProQuo, RuleIds.RepetitiveMessaging, RuleIds.MassInviter })]
    [InlineData("young photo-less account", new[] { RuleIds.FakeProfile })]
    [InlineData("young account with few connections", new[] { RuleIds.FakeProfile })]
    [InlineData("photo-less account with few connections", new[] { RuleIds.FakeProfile })]
    [InlineData("message while pending", new[] { RuleIds.InconsistentRequest })]
    [InlineData("inconsistent dates", new[] { RuleIds.InconsistentRequest })]
    public void A_warm_engine_allocates_the_diagnostics_and_the_array_that_holds_them_and_nothing_else(string name, string[] expectedRules)
    {
        var request = Flagged(name);

        var (bytes, evaluation) = Measure(request);

        Assert.Equal(expectedRules.Order(StringComparer.Ordinal), evaluation.Diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Requests.RecommendedEngine().Evaluate(request), evaluation);
        Assert.Equal(DiagnosticsBytes(evaluation.Diagnostics.Count), bytes);
    }

    [Fact]
    public void A_diagnostic_holds_up_to_two_arguments_without_an_array_and_more_in_one_copy()
    {
        var bytes = new long[4];
        for (var count = 1; count <= 3; count++)
        {
            var (allocated, evaluation) = Measure(new RuleEngineBuilder().AddRule(new ReportingRule(count, passArray: false)).Build(), Requests.Clean());
            Assert.Equal(string.Join(" ", Enumerable.Range(0, count).Select(i => $"arg{i}")), Assert.Single(evaluation.Diagnostics).Message);
            bytes[count] = allocated;
        }

        // An array of n references: method table, header and length, then the elements, each a pointer wide.
        Assert.Equal(bytes[1], bytes[2]);
        Assert.Equal(bytes[2] + (6 * IntPtr.Size), bytes[3]);
    }

    [Fact]
    public void A_report_that_passes_an_array_allocates_only_that_array_more_than_one_that_lists_its_arguments()
    {
        var (listedBytes, listedEvaluation) = Measure(new RuleEngineBuilder().AddRule(new ReportingRule(2, passArray: false)).Build(), Requests.Clean());
        var (arrayBytes, arrayEvaluation) = Measure(new RuleEngineBuilder().AddRule(new ReportingRule(2, passArray: true)).Build(), Requests.Clean());

        Assert.Equal("arg0 arg1", Assert.Single(listedEvaluation.Diagnostics).Message);
        Assert.Equal("arg0 arg1", Assert.Single(arrayEvaluation.Diagnostics).Message);
        Assert.Equal(listedBytes + (5 * IntPtr.Size), arrayBytes);
    }

    private static (long Bytes, Evaluation Evaluation) Measure(ConnectionRequest request) => Measure(Engine, request);

    private static (long Bytes, Evaluation Evaluation) Measure(RuleEngine engine, ConnectionRequest request) =>
        Allocated.By(() => engine.Evaluate(request), warmUps: 3);

    /// <summary>What <paramref name="count"/> diagnostics take: each object, and one array of them.</summary>
    private static long DiagnosticsBytes(int count)
    {
        var descriptor = new RuleDescriptor("TEST001", "Reporting", "Reported", "Tests", Severity.Warning);
        var diagnostic = Allocated.By(() => new Diagnostic(descriptor, Severity.Warning, "Reported")).Bytes;
        var array = Allocated.By(() => new Diagnostic[count]).Bytes;
        return (count * diagnostic) + array;
    }

    /// <summary>
    /// With <see cref="Flagged(int, int)"/>: requests that every built-in rule reports on, in each way it words a message,
    /// but CR0001, whose findings are made of the exception a rule threw.
    /// </summary>
    private static ConnectionRequest Flagged(string name) => name switch
    {
        "bought stranger" => Requests.Clean() with
        {
            Note = null,
            MutualConnections = 0,
            Recipient = null,
            Sender = Requests.Clean().Sender with { MemberSince = Requests.Now.AddDays(-12), HasPhoto = false, ConnectionCount = 6, InvitationsSentLastWeek = 250 },
        },
        "pitching note" => Requests.Clean() with { Note = "Hi Sam, I'd love to show you a quick demo of our platform." },
        "endorsing back, following up" => Requests.Accepted() with
        {
            Sender = Requests.Clean().Sender with { ConnectionCount = 25_000 },
            Endorsements = [new Endorsement(Requests.SentAt.AddDays(1).AddHours(1), "Rust"), new Endorsement(Requests.SentAt.AddDays(1).AddHours(2), "Go")],
            Messages =
            [
                Requests.FromSender(TimeSpan.FromHours(3), "Hi Sam, please endorse me back for Kubernetes."),
                Requests.FromSender(TimeSpan.FromHours(4), "We help platform teams cut their cloud bill in half."),
                Requests.FromSender(TimeSpan.FromHours(5), "Did you see my last message?"),
                Requests.FromSender(TimeSpan.FromDays(2), "Any thoughts on the demo?"),
            ],
        },
        "young photo-less account" => Requests.Clean() with { Sender = Requests.Clean().Sender with { MemberSince = Requests.Now.AddMinutes(-2_000), HasPhoto = false } },
        "young account with few connections" => Requests.Clean() with { Sender = Requests.Clean().Sender with { MemberSince = Requests.Now.AddMinutes(-30), ConnectionCount = 3 } },
        "photo-less account with few connections" => Requests.Clean() with { Sender = Requests.Clean().Sender with { HasPhoto = false, ConnectionCount = 3 } },
        "message while pending" => Requests.Clean() with { Messages = [new Message(Requests.SentAt.AddHours(1), "Did you get my request?")] },
        "inconsistent dates" => Requests.Clean() with
        {
            AcceptedAt = Requests.SentAt.AddMinutes(-5),
            Messages = [new Message(Requests.SentAt.AddMinutes(-1), "Hello?")],
            Endorsements = [new Endorsement(Requests.SentAt.AddDays(-3), "Rust")],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such request."),
    };

    /// <summary>
    /// A connect-and-sell, bait-and-switch, repetitive open networker, after <paramref name="chatter"/> friendly
    /// exchanges, each message padded with <paramref name="fillerSentences"/> sentences.
    /// </summary>
    private static ConnectionRequest Flagged(int chatter, int fillerSentences)
    {
        var filler = string.Concat(Enumerable.Repeat("We talked about build caches and monorepos at length. ", fillerSentences));
        var messages = new List<Message>();
        for (var i = 0; i < chatter; i++)
        {
            messages.Add(Requests.FromRecipient(TimeSpan.FromMinutes(i), $"{filler}Thanks, talk soon ({i})."));
        }

        messages.Add(Requests.FromSender(TimeSpan.FromHours(1), filler + "I'd love to show you a quick demo of our platform. We help teams cut costs."));
        for (var i = 0; i < 3; i++)
        {
            messages.Add(Requests.FromSender(TimeSpan.FromHours(2 + i), filler + "Following up on my note."));
        }

        return Requests.Accepted() with { Note = "Join our group for the monthly meetup! I'm a LION.", Messages = messages };
    }

    /// <summary>Reports once, with one to three constant arguments listed in the call or passed as an array it allocates.</summary>
    private sealed class ReportingRule(int count, bool passArray) : ConnectionRule
    {
        private static readonly RuleDescriptor[] Rules =
        [
            new("TEST001", "Reporting", "{0}", "Tests", Severity.Warning),
            new("TEST002", "Reporting", "{0} {1}", "Tests", Severity.Warning),
            new("TEST003", "Reporting", "{0} {1} {2}", "Tests", Severity.Warning),
        ];

        public override RuleDescriptor Descriptor => Rules[count - 1];

        public override void Evaluate(RuleContext context)
        {
            switch (count, passArray)
            {
                case (1, _):
                    context.Report("note", "arg0");
                    break;
                case (2, false):
                    context.Report("note", "arg0", "arg1");
                    break;
                case (2, true):
                    context.Report("note", new object?[] { "arg0", "arg1" });
                    break;
                default:
                    context.Report("note", "arg0", "arg1", "arg2");
                    break;
            }
        }
    }
}
