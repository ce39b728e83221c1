using ConnectionRules.Benchmarks.HandWritten;
using ConnectionRules.Benchmarks.Shapes;

namespace ConnectionRules.Benchmarks.Tests;

/// <summary>The hand-written pitch score says what the engine's detector says, where it says it.</summary>
public sealed class PitchScorerTests
{
    [Fact]
    public void The_hand_written_score_agrees_with_the_default_detector_on_every_corpus_text()
    {
        var disagreements = new List<string>();
        foreach (var (_, text) in Corpus.Load())
        {
            var expected = DefaultPitchDetector.Instance.Detect(text);
            var actual = PitchScorer.BuiltIn.Score(text);
            if (expected.IsPitch != actual.IsPitch || (expected.IsPitch && (expected.Index, expected.Length) != (actual.Index, actual.Length)))
            {
                disagreements.Add($"detector {expected}, hand-written {actual}: {text}");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements.Take(10)));
    }

    [Theory]
    [InlineData(PitchText.Clean, false)]
    [InlineData(PitchText.Pitch, true)]
    public void The_benchmarked_kilobyte_is_what_it_says(PitchText kind, bool isPitch)
    {
        var text = PitchDetectorBenchmarks.Create(kind);
        Assert.Equal(PitchDetectorBenchmarks.Length, text.Length);
        Assert.Equal(isPitch, DefaultPitchDetector.Instance.Detect(text).IsPitch);
        Assert.Equal(isPitch, PitchScorer.BuiltIn.IsPitch(text));
    }

    [Theory]
    [InlineData("I'd like to show you a quick demo of our platform.", true)]
    [InlineData("I\u2019d like to show you a quick demo of our platform.", true)]
    [InlineData("Free professional events with CPE credits, no fees.", false)]
    [InlineData("Our upcoming event is free: join us for talks on Rust.", false)]
    public void Apostrophes_and_counter_phrases_count_the_same(string text, bool isPitch)
    {
        Assert.Equal(isPitch, DefaultPitchDetector.Instance.Detect(text).IsPitch);
        Assert.Equal(isPitch, PitchScorer.BuiltIn.IsPitch(text));
    }
}
