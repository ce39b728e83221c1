using System.Diagnostics;
using System.Globalization;
using ConnectionRules.Benchmarks.Fluent;
using ConnectionRules.Benchmarks.Shapes;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// How the machine's speed moves while one process runs: not a benchmark, a diagnosis for when a ratio in the reports
/// misses a target on one row. BenchmarkDotNet measures the baseline, the engine and the validator in launches of their
/// own, one after the other, so when the host runs the same code at different speeds from one moment to the next, two
/// benchmarks of one comparison can be measured in different phases. This takes turns between the three judges on the
/// large clean request, the row where FluentValidation's margin is thinnest, a slice of each in every fraction of a
/// line, and writes one line per interval: the time of each, and the validator's over the engine's, measured in the
/// same phase. Run with <c>dotnet run -c Release --project benchmarks/ConnectionRules.Benchmarks -- --phases [seconds]</c>.
/// </summary>
public static class HostPhases
{
    private const int SlicesPerLine = 4;

    /// <summary>Takes turns between the three judges for about <paramref name="seconds"/> and writes one line per interval.</summary>
    /// <param name="output">Where the lines go.</param>
    /// <param name="seconds">About how long to run, after a warm-up of about three seconds.</param>
    /// <param name="millisecondsPerLine">About how long each line measures, the three judges together; at least 100.</param>
    public static void Run(TextWriter output, int seconds, int millisecondsPerLine = 1000)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsPerLine, 100);
        var judges = Judges.Create();
        var request = RequestShapes.Create(RequestSize.Large, Flagged.Clean);
        judges.ThrowIfDisagree(request);
        Action[] turns =
        [
            () => judges.HandWritten.Evaluate(request),
            () => judges.Engine.Evaluate(request),
            () => ConnectionRequestValidator.VerdictOf(request, judges.Fluent.Validate(request)),
        ];

        // A second of each first, so that what is measured is the optimized code (the validator's takes longest to
        // come), then how many calls of it fill a slice.
        var sliceMilliseconds = millisecondsPerLine / SlicesPerLine / turns.Length;
        foreach (var turn in turns)
        {
            CallsIn(turn, milliseconds: 1000);
        }

        var calls = turns.Select(turn => Math.Max(1, CallsIn(turn, sliceMilliseconds))).ToArray();
        output.WriteLine("The large clean request, one line per interval: microseconds per evaluation of each judge, taking turns; the last number is FluentValidation ÷ engine.");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var times = new double[turns.Length];
            for (var slice = 0; slice < SlicesPerLine; slice++)
            {
                for (var i = 0; i < turns.Length; i++)
                {
                    times[i] += Microseconds(turns[i], calls[i]) / SlicesPerLine;
                }
            }

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{clock.Elapsed.TotalSeconds,5:F1} s: hand-written {times[0],6:F1}, engine {times[1],6:F1}, FluentValidation {times[2],6:F1}; {times[2] / times[1]:F2}"));
        }
    }

    // How many calls fit in that long.
    private static int CallsIn(Action action, int milliseconds)
    {
        var calls = 0;
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started).TotalMilliseconds < milliseconds)
        {
            action();
            calls++;
        }

        return calls;
    }

    // The mean time of one call, in microseconds.
    private static double Microseconds(Action action, int calls)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            action();
        }

        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / calls;
    }
}
