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

    private static (long Bytes, Evaluation Evaluation) Measure(ConnectionRequest request)
    {
        for (var i = 0; i < 3; i++)
        {
            Engine.Evaluate(request);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var evaluation = Engine.Evaluate(request);
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
}
