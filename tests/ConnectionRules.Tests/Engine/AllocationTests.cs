using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Engine;

/// <summary>
/// The hot path's allocation contract, measured deterministically with <see cref="GC.GetAllocatedBytesForCurrentThread"/>
/// (speed itself is proven by the benchmarks, never by a timed test): a request that produces diagnostics allocates
/// the diagnostics and what their messages are made of, and nothing that grows with the text it reads.
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

        // The result array, and per diagnostic: the object, its message, and the arguments it is formatted from.
        var budget = 64 + evaluation.Diagnostics.Sum(d => 256 + (4 * d.Message.Length));
        Assert.True(bytes <= budget, $"{bytes} bytes allocated for {evaluation.Diagnostics.Count} diagnostics; the budget is {budget}.");
    }

    [Fact]
    public void A_report_that_lists_its_arguments_allocates_them_once_and_one_that_passes_an_array_is_copied()
    {
        var listed = new RuleEngineBuilder().AddRule(new ReportingRule(passArray: false)).Build();
        var array = new RuleEngineBuilder().AddRule(new ReportingRule(passArray: true)).Build();

        var (listedBytes, listedEvaluation) = Measure(listed, Requests.Clean());
        var (arrayBytes, arrayEvaluation) = Measure(array, Requests.Clean());

        Assert.Equal("Saw 3 and 'pitch'", Assert.Single(listedEvaluation.Diagnostics).Message);
        Assert.Equal("Saw 3 and 'pitch'", Assert.Single(arrayEvaluation.Diagnostics).Message);

        // Listed arguments go on the stack and the engine copies them once; an array of the rule's own is copied too.
        // An array of two references: method table, header, length and two elements, each a pointer wide.
        var twoArgumentArray = 5 * IntPtr.Size;
        Assert.Equal(arrayBytes - twoArgumentArray, listedBytes);
    }

    private static (long Bytes, Evaluation Evaluation) Measure(ConnectionRequest request) => Measure(Engine, request);

    private static (long Bytes, Evaluation Evaluation) Measure(RuleEngine engine, ConnectionRequest request)
    {
        for (var i = 0; i < 3; i++)
        {
            engine.Evaluate(request);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var evaluation = engine.Evaluate(request);
        return (GC.GetAllocatedBytesForCurrentThread() - before, evaluation);
    }

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

    /// <summary>Reports once, with two arguments listed in the call or passed as an array it allocates.</summary>
    private sealed class ReportingRule(bool passArray) : ConnectionRule
    {
        private static readonly RuleDescriptor Rule = new("TEST002", "Reporting", "Saw {0} and '{1}'", "Tests", Severity.Warning);

        public override RuleDescriptor Descriptor => Rule;

        public override void Evaluate(RuleContext context)
        {
            if (passArray)
            {
                context.Report("note", new object?[] { 3, "pitch" });
            }
            else
            {
                context.Report("note", 3, "pitch");
            }
        }
    }
}
