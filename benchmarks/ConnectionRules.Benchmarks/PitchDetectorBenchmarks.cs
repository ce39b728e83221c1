using System.Text;
using BenchmarkDotNet.Attributes;
using ConnectionRules.Benchmarks.HandWritten;
using ConnectionRules.Benchmarks.Shapes;

namespace ConnectionRules.Benchmarks;

/// <summary>What a 1 KB text holds.</summary>
public enum PitchText
{
    /// <summary>Ordinary sentences, no sales signal.</summary>
    Clean,

    /// <summary>A sales pitch, then ordinary sentences.</summary>
    Pitch,
}

/// <summary>
/// The pitch detector alone on 1 KB of text (1,024 characters), so the mean is the cost per KB: the engine's
/// <see cref="DefaultPitchDetector"/> against the hand-written score over the same lexicon. The whole text is scanned
/// either way, since a counter phrase anywhere can cancel a pitch.
/// </summary>
[MemoryDiagnoser]
public class PitchDetectorBenchmarks
{
    /// <summary>The length of the text: one KB.</summary>
    public const int Length = 1024;

    private readonly DefaultPitchDetector _detector = DefaultPitchDetector.Instance;
    private readonly PitchScorer _scorer = PitchScorer.BuiltIn;
    private string _text = "";

    /// <summary>Gets or sets what the text holds.</summary>
    [ParamsAllValues]
    public PitchText Text { get; set; }

    /// <summary>Builds the text and checks that both detectors say what it is.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _text = Create(Text);
        var expected = Text == PitchText.Pitch;
        if (_detector.Detect(_text).IsPitch != expected || _scorer.IsPitch(_text) != expected)
        {
            throw new InvalidOperationException($"The {Text} text is not judged {(expected ? "a pitch" : "clean")} by both detectors.");
        }
    }

    /// <summary>The 1 KB text of the given kind.</summary>
    public static string Create(PitchText text)
    {
        var builder = new StringBuilder(text == PitchText.Pitch ? Texts.PitchMessage : Texts.Conversation(0, 150), Length + 200);
        for (var i = 1; builder.Length < Length; i++)
        {
            builder.Append(' ').Append(Texts.Conversation(i, 150));
        }

        return builder.ToString(0, Length);
    }

    /// <summary>The hand-written score.</summary>
    [Benchmark(Baseline = true)]
    public bool HandWritten() => _scorer.IsPitch(_text);

    /// <summary>The engine's detector.</summary>
    [Benchmark]
    public PitchMatch Detector() => _detector.Detect(_text);
}
