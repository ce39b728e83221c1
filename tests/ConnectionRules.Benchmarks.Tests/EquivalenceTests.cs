using ConnectionRules.Benchmarks.Shapes;

namespace ConnectionRules.Benchmarks.Tests;

/// <summary>
/// The engine, the hand-written baseline and the FluentValidation validator give the same verdict and the same rule
/// ids: on every benchmarked shape, on varied requests built by hand, and on requests built from the labelled pitch
/// corpus. When a rule or a lexicon changes in the core, these fail until the baseline and the validator follow, so
/// the benchmarks keep comparing the same work.
/// </summary>
public sealed class EquivalenceTests
{
    private static readonly Judges Judges = Judges.Create();

    public static TheoryData<RequestSize, Flagged> Shapes()
    {
        var data = new TheoryData<RequestSize, Flagged>();
        foreach (var (size, flags) in RequestShapes.All)
        {
            data.Add(size, flags);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_three_judges_agree_on_every_shape_and_it_fires_what_it_is_designed_to(RequestSize size, Flagged flags)
    {
        var request = RequestShapes.Create(size, flags);
        Assert.Null(Judges.Disagreement(request));
        Assert.Equal(RequestShapes.ExpectedRuleIds(size, flags).Order(StringComparer.Ordinal), Judges.OfEngine(request).RuleIds);
    }

    [Theory]
    [InlineData(RequestSize.Small)]
    [InlineData(RequestSize.Typical)]
    [InlineData(RequestSize.Large)]
    public void A_clean_shape_produces_no_diagnostic_at_all(RequestSize size)
    {
        var evaluation = Judges.Engine.Evaluate(RequestShapes.Create(size, Flagged.Clean));
        Assert.Empty(evaluation.Diagnostics);
        Assert.Equal(Verdict.Accept, evaluation.Verdict);
    }

    [Theory]
    [InlineData(RequestSize.Small, 5)]
    [InlineData(RequestSize.Typical, 7)]
    [InlineData(RequestSize.Large, 7)]
    public void Half_flagged_is_about_half_and_all_flagged_is_every_rule_that_can_fire_at_once(RequestSize size, int atOnce)
    {
        var fireable = RequestShapes.FireableRuleIds(size);
        var half = RequestShapes.ExpectedRuleIds(size, Flagged.Half);
        var all = RequestShapes.ExpectedRuleIds(size, Flagged.All);
        Assert.Equal(atOnce, all.Count);
        Assert.Subset(fireable.ToHashSet(), all.ToHashSet());
        Assert.Subset(fireable.ToHashSet(), half.ToHashSet());
        Assert.InRange(half.Count, atOnce / 2, (atOnce + 1) / 2);
    }

    [Theory]
    [MemberData(nameof(VariedRequests.Names), MemberType = typeof(VariedRequests))]
    public void The_three_judges_agree_on_varied_requests(string name)
    {
        var (request, expected) = VariedRequests.Get(name);
        Assert.Null(Judges.Disagreement(request));
        Assert.Equal(expected.Order(StringComparer.Ordinal), Judges.OfEngine(request).RuleIds);
    }

    [Fact]
    public void The_varied_requests_make_every_recommended_rule_fire_somewhere()
    {
        var fired = VariedRequests.All.SelectMany(r => Judges.OfEngine(r.Request).RuleIds).ToHashSet();
        var recommended = Judges.Engine.Rules.Select(d => d.Id).Where(id => id != RuleIds.RuleFailure);
        Assert.Empty(recommended.Except(fired));
    }

    [Fact]
    public void The_three_judges_agree_on_requests_built_from_the_pitch_corpus()
    {
        var disagreements = CorpusRequests().Select(Judges.Disagreement).OfType<string>().ToList();
        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements.Take(10)));
    }

    [Theory]
    [InlineData(150)]
    [InlineData(1_500)]
    [InlineData(15_000)]
    public void The_text_length_shapes_are_clean_for_the_three_judges(int length)
    {
        var request = RequestShapes.WithTextLength(length);
        Assert.Null(Judges.Disagreement(request));
        Assert.Empty(Judges.OfEngine(request).RuleIds);
        Assert.InRange(request.Note!.Length, length * 9 / 10, Math.Max(length * 11 / 10, Texts.InvitationNote.Length));
        Assert.All(request.Messages, m => Assert.InRange(m.Text.Length, length * 8 / 10, length * 12 / 10));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    [InlineData(500)]
    public void The_message_count_shapes_are_clean_for_the_three_judges(int count)
    {
        var request = RequestShapes.WithMessageCount(count);
        Assert.Equal(count, request.Messages.Count);
        Assert.Null(Judges.Disagreement(request));
        Assert.Empty(Judges.OfEngine(request).RuleIds);
    }

    [Fact]
    public void The_three_judges_agree_on_the_batch_mix()
    {
        var requests = RequestShapes.Mix(200);
        Assert.Equal(200, requests.Select(r => r.Id).Distinct().Count());
        Assert.All(requests, r => Assert.Null(Judges.Disagreement(r)));
    }

    [Theory]
    [InlineData(RequestSize.Typical, 900, 1_100)]
    [InlineData(RequestSize.Large, 19_000, 23_000)]
    public void The_text_sizes_are_what_the_shapes_promise(RequestSize size, int atLeast, int atMost)
    {
        var request = RequestShapes.Create(size, Flagged.Clean);
        var characters = request.Note!.Length + request.Messages.Sum(m => m.Text.Length);
        Assert.InRange(characters, atLeast, atMost);
    }

    /// <summary>Each corpus text as a pending note, and as a sender message after an invitation and an endorsement.</summary>
    private static IEnumerable<ConnectionRequest> CorpusRequests()
    {
        var sentAt = RequestShapes.Now.AddDays(-10);
        var acceptedAt = sentAt.AddDays(1);
        var sender = new MemberProfile { Name = "Dana Whitfield", ConnectionCount = 420, HasPhoto = true };
        var i = 0;
        foreach (var (_, text) in Corpus.Load())
        {
            i++;
            yield return new ConnectionRequest
            {
                Id = $"corpus-note-{i}",
                Sender = sender with { Headline = text.Length % 3 == 0 ? text : null },
                Note = text,
                SentAt = sentAt,
                MutualConnections = i % 2,
            };

            yield return new ConnectionRequest
            {
                Id = $"corpus-message-{i}",
                Sender = sender,
                Note = i % 2 == 0 ? Texts.InvitationNote : text,
                SentAt = sentAt,
                AcceptedAt = acceptedAt,
                KnownOffline = i % 5 == 0,
                Messages =
                [
                    new Message(acceptedAt.AddHours(i % 100), text),
                    new Message(acceptedAt.AddHours(100), "Thanks, not for us.", MessageDirection.FromRecipient),
                    new Message(acceptedAt.AddHours(101), text),
                ],
                Endorsements = [new Endorsement(acceptedAt.AddMinutes(5), "Go")],
            };
        }
    }
}
