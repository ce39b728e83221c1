using System.Globalization;
using Xunit.Abstractions;

namespace ConnectionRules.Tests.Pitch;

/// <summary>
/// Measures the default pitch detector on the labelled corpus <c>pitch-corpus.tsv</c>: 340+ short texts, pitches from
/// many industries and genuine messages that use tempting words (free events, offers of help, a demo someone saw).
/// </summary>
public sealed class PitchCorpusTests(ITestOutputHelper output)
{
    public const double RequiredPrecision = 0.95;
    public const double RequiredRecall = 0.90;

    [Fact]
    public void The_corpus_is_large_and_balanced_enough_to_measure_on()
    {
        var corpus = Corpus.Load("pitch-corpus.tsv");
        Assert.True(corpus.Count >= 300, $"The corpus has {corpus.Count} texts; it needs at least 300.");
        Assert.InRange(corpus.Count(e => e.IsPitch), corpus.Count / 3, corpus.Count * 2 / 3);
        Assert.True(corpus.Where(e => e.IsPitch).Select(e => e.Kind).Distinct().Count() >= 15, "Pitches should come from at least 15 kinds of seller.");
    }

    [Fact]
    public void Default_detector_holds_precision_and_recall_on_the_labelled_corpus() => Measure("pitch-corpus.tsv");

    private void Measure(string file)
    {
        var detector = DefaultPitchDetector.Instance;
        var results = Corpus.Load(file).Select(e => (Entry: e, Match: detector.Detect(e.Text))).ToList();
        var truePositives = results.Count(r => r.Entry.IsPitch && r.Match.IsPitch);
        var falsePositives = results.Where(r => !r.Entry.IsPitch && r.Match.IsPitch).ToList();
        var falseNegatives = results.Where(r => r.Entry.IsPitch && !r.Match.IsPitch).ToList();
        var precision = truePositives / (double)(truePositives + falsePositives.Count);
        var recall = truePositives / (double)(truePositives + falseNegatives.Count);

        var report = string.Join(
            Environment.NewLine,
            [
                string.Create(CultureInfo.InvariantCulture, $"precision {precision:F3} (required {RequiredPrecision}), recall {recall:F3} (required {RequiredRecall}) on {results.Count} texts"),
                .. falsePositives.Select(r => $"  false positive [{r.Entry.Kind}] \"{r.Match.Phrase}\": {r.Entry.Text}"),
                .. falseNegatives.Select(r => $"  missed pitch [{r.Entry.Kind}]: {r.Entry.Text}"),
            ]);
        output.WriteLine(report);
        Assert.True(precision >= RequiredPrecision && recall >= RequiredRecall, report);
    }

    [Fact]
    public void Default_detector_holds_precision_and_recall_on_the_held_out_corpus() => Measure("pitch-holdout.tsv");

    private sealed record Entry(bool IsPitch, string Kind, string Text);

    private static class Corpus
    {
        public static IReadOnlyList<Entry> Load(string file)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Pitch", file);
            var entries = new List<Entry>();
            var lines = File.ReadAllLines(path);
            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].Length == 0)
                {
                    continue;
                }

                var fields = lines[i].Split('\t');
                Assert.True(fields.Length == 3, $"{path} line {i + 1}: expected label, kind and text separated by tabs.");
                Assert.True(fields[0] is "pitch" or "genuine", $"{path} line {i + 1}: label '{fields[0]}' is neither 'pitch' nor 'genuine'.");
                entries.Add(new Entry(fields[0] == "pitch", fields[1], fields[2]));
            }

            return entries;
        }
    }
}
