using System.Globalization;
using ConnectionRules.Tests.Engine;
using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Rules;

/// <summary>
/// The texts the built-in rules make their messages of: shared across evaluations so that a warm engine allocates only
/// its diagnostics, and still exactly the text asked for, whatever the culture or the threads. In the measurement
/// collection: evaluations in other tests would write their texts into the slots these tests look at.
/// </summary>
[Collection(MeasurementCollection.Name)]
public sealed class RuleTextTests
{
    [Fact]
    public void The_same_text_gives_the_same_string_and_other_texts_their_own()
    {
        var word = "help";
        var first = RuleText.Shared("We help".AsSpan());

        Assert.Same(first, RuleText.Shared("We help!".AsSpan(0, 7)));
        Assert.Same(first, RuleText.Shared($"We {word}"));
        Assert.Equal("we help", RuleText.Shared("we help".AsSpan()));
        Assert.Equal("", RuleText.Shared([]));
    }

    [Fact]
    public void Two_texts_that_share_a_hash_slot_both_stay()
    {
        var texts = Enumerable.Range(0, 10_000).Select(i => $"{i} connections").ToArray();
        var (first, second) = texts
            .GroupBy(text => RuleText.SlotPairOf(text))
            .Where(pair => pair.Count() >= 2)
            .Select(pair => (pair.First(), pair.Skip(1).First()))
            .First();

        var firstShared = RuleText.Shared(first.AsSpan());
        var secondShared = RuleText.Shared(second.AsSpan());

        Assert.Same(firstShared, RuleText.Shared(first.AsSpan()));
        Assert.Same(secondShared, RuleText.Shared(second.AsSpan()));
    }

    [Fact]
    public void A_text_as_long_as_the_handler_holds_is_shared_and_a_longer_one_made_each_time_and_still_equal()
    {
        var longest = new string('y', SharedTextHandler.Capacity);
        var text = new string('x', SharedTextHandler.Capacity + 1);

        var shared = RuleText.Shared(text.AsSpan());

        Assert.Same(RuleText.Shared(longest.AsSpan()), RuleText.Shared($"{longest}"));
        Assert.Equal(text, shared);
        Assert.NotSame(shared, RuleText.Shared(text.AsSpan()));
    }

    [Fact]
    public void An_interpolated_text_that_outgrows_the_buffer_fails_with_the_limit_named()
    {
        var words = new string('x', SharedTextHandler.Capacity);

        var exception = Assert.Throws<InvalidOperationException>(() => RuleText.Shared($"{words}!"));

        Assert.Contains($"longer than {SharedTextHandler.Capacity} characters", exception.Message);
    }

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("fr-FR")]
    [InlineData("th-TH")]
    [InlineData("sv-SE")]
    public void Numbers_and_timestamps_are_written_invariantly_whatever_the_current_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            var at = new DateTimeOffset(2026, 3, 5, 11, 59, 0, TimeSpan.FromHours(2));

            var connections = -12_000;

            Assert.Equal("2026-03-05 11:59:00 +02:00, -12000 connections", RuleText.Shared($"{RuleText.Timestamp(at)}, {connections} connections"));
            Assert.Equal("1 d 9 h", RuleText.Duration(TimeSpan.FromMinutes(2_000)));
            Assert.Equal(
                "Request data is inconsistent: accepted at 2026-03-05 11:55:00 +00:00, before it was sent at 2026-03-05 12:00:00 +00:00",
                Assert.Single(Requests.RecommendedEngine().Evaluate(Requests.Clean() with { AcceptedAt = Requests.SentAt.AddMinutes(-5) }).Diagnostics).Message);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Threads_that_race_for_the_same_slots_each_get_the_text_they_asked_for()
    {
        var texts = Enumerable.Range(0, 5_000).Select(i => $"{i} sender messages in a row without a reply").ToArray();
        var wrong = 0;

        Parallel.For(0, 200_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var text = texts[i * 7919 % texts.Length];
            if (RuleText.Shared(text.AsSpan()) != text)
            {
                Interlocked.Increment(ref wrong);
            }
        });

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void Small_counts_are_boxed_once_and_larger_ones_each_time()
    {
        Assert.Same(RuleText.Number(255), RuleText.Number(255));
        Assert.NotSame(RuleText.Number(256), RuleText.Number(256));
        Assert.NotSame(RuleText.Number(-1), RuleText.Number(-1));
        Assert.Equal(2, RuleText.Number(2));
        Assert.Equal(12_000, RuleText.Number(12_000));
        Assert.Equal(-1, RuleText.Number(-1));
    }
}
