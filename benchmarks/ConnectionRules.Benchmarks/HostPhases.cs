using System.Diagnostics;
using System.Globalization;
using ConnectionRules.Benchmarks.Shapes;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// How the machine's speed moves while one process runs: not a benchmark, a diagnosis for when a ratio in the reports
/// misses a target on one row. BenchmarkDotNet measures the baseline, the engine and the validator in launches of their
/// own, one after the other, so when the host runs the same code at different speeds from one moment to the next, two
/// benchmarks of one comparison can be measured in different phases. This measures the three judges on the large clean
/// request, the row where FluentValidation's margin is thinnest, in turns of a few dozen milliseconds each, and writes
/// one line about every second: each judge's mean time over its turns in that second, and the validator's over the
/// engine's, which were measured in the same phase. Run with
/// <c>dotnet run -c Release --project benchmarks/ConnectionRules.Benchmarks -- --phases [seconds]</c>.
/// </summary>
public static class HostPhases
{
    private const int TurnsPerLine = 4;

    /// <summary>Takes turns between the three judges for about <paramref name="seconds"/> and writes one line per interval.</summary>
    /// <param name="output">Where the lines go.</param>
    /// <param name="seconds">About how long to run, after the warm-up.</param>
    /// <param name="millisecondsPerLine">How long each line measures, the three judges together; at least 100.</param>
    /// <param name="warmUpMilliseconds">How long each judge runs before anything is measured, so that what is measured is the optimized code.</param>
    public static void Run(TextWriter output, int seconds, int millisecondsPerLine = 1000, int warmUpMilliseconds = 1000)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsPerLine, 100);
        ArgumentOutOfRangeException.ThrowIfNegative(warmUpMilliseconds);
        var judges = Judges.Create();
        var judge = judges.EvaluationsOf(RequestShapes.Create(RequestSize.Large, Flagged.Clean));
        foreach (var evaluate in judge)
        {
            MeanMicroseconds(evaluate, warmUpMilliseconds);
        }

        var turnMilliseconds = (double)millisecondsPerLine / TurnsPerLine / judge.Length;
        output.WriteLine("The large clean request, one line per interval: microseconds per evaluation of each judge, taking turns; the last number is FluentValidation ÷ engine.");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var times = new double[judge.Length];
            for (var turn = 0; turn < TurnsPerLine; turn++)
            {
                for (var i = 0; i < judge.Length; i++)
                {
                    times[i] += MeanMicroseconds(judge[i], turnMilliseconds) / TurnsPerLine;
                }
            }

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{clock.Elapsed.TotalSeconds,5:F1} s: hand-written {times[0],6:F1}, engine {times[1],6:F1}, FluentValidation {times[2],6:F1}; {times[2] / times[1]:F2}"));
        }
    }

    // Calls the action for about that long (at least once) and returns the mean time of a call, in microseconds. Reading
    // the clock costs tens of nanoseconds, next to tens of microseconds for an evaluation of this request.
    internal static double MeanMicroseconds(Action action, double milliseconds)
    {
        var calls = 0;
        var started = Stopwatch.GetTimestamp();
        TimeSpan elapsed;
        do
        {
            action();
            calls++;
            elapsed = Stopwatch.GetElapsedTime(started);
        }
        while (elapsed.TotalMilliseconds < milliseconds);

        return elapsed.TotalMicroseconds / calls;
    }
}
