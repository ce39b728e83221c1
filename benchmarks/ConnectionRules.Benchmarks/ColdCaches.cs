using System.Diagnostics;
using System.Globalization;
using ConnectionRules.Benchmarks.Shapes;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// What an evaluation costs when the processor's caches are cold, as in a CRM service that evaluates a request between
/// other work (reading it, storing the verdict), where the benchmarks evaluate the same request in a tight loop and so
/// measure it with every table the judges use in cache. Not a benchmark, a diagnosis: for each request shape, in
/// rounds, it times each judge in a loop (hot) and, one evaluation at a time, after writing every cache line of a
/// buffer larger than the caches it can evict (cold), and writes the medians over the rounds, with FluentValidation ÷
/// engine and engine ÷ hand-written both ways. Run with
/// <c>dotnet run -c Release --project benchmarks/ConnectionRules.Benchmarks -- --cold [rounds]</c>.
/// </summary>
public static class ColdCaches
{
    /// <summary>Measures every request shape for <paramref name="rounds"/> rounds and writes one line per shape.</summary>
    /// <param name="output">Where the lines go.</param>
    /// <param name="rounds">How many rounds each median is taken over.</param>
    /// <param name="evaluationsPerRound">How many cold evaluations each judge makes per round; the hot loop runs as long as they took.</param>
    /// <param name="bufferBytes">The buffer written between cold evaluations: more than the core's L1 and L2 caches and a good part of the L3.</param>
    /// <param name="warmUpMilliseconds">How long each judge runs on each shape before anything is measured, so that what is measured is the optimized code.</param>
    public static void Run(TextWriter output, int rounds, int evaluationsPerRound = 100, int bufferBytes = 8 << 20, int warmUpMilliseconds = 300)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(evaluationsPerRound, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferBytes, 64);
        ArgumentOutOfRangeException.ThrowIfNegative(warmUpMilliseconds);
        var judges = Judges.Create();
        var buffer = new byte[bufferBytes];
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Microseconds per evaluation, medians of {rounds} round(s): hot (in a loop) and cold (after writing {bufferBytes >> 10:N0} KB); hand-written, engine, FluentValidation, then FluentValidation ÷ engine and engine ÷ hand-written."));
        foreach (var size in Enum.GetValues<RequestSize>())
        {
            foreach (var flags in Enum.GetValues<Flagged>())
            {
                var judge = judges.EvaluationsOf(RequestShapes.Create(size, flags));
                foreach (var evaluate in judge)
                {
                    HostPhases.MeanMicroseconds(evaluate, warmUpMilliseconds);
                }

                var hot = judge.Select(_ => new List<double>()).ToArray();
                var cold = judge.Select(_ => new List<double>()).ToArray();
                for (var round = 0; round < rounds; round++)
                {
                    for (var i = 0; i < judge.Length; i++)
                    {
                        cold[i].Add(ColdMicroseconds(judge[i], buffer, evaluationsPerRound, out var spent));
                        hot[i].Add(HostPhases.MeanMicroseconds(judge[i], spent.TotalMilliseconds));
                    }
                }

                var (h, c) = (hot.Select(Median).ToArray(), cold.Select(Median).ToArray());
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{size,-7} {flags,-5}  hot {h[0],7:F2} {h[1],7:F2} {h[2],7:F2}  {h[2] / h[1],4:F2} {h[1] / h[0],4:F2}  |  cold {c[0],7:F2} {c[1],7:F2} {c[2],7:F2}  {c[2] / c[1],4:F2} {c[1] / c[0],4:F2}"));
            }
        }
    }

    // The mean time of one evaluation, each made after every cache line of the buffer was written; spent is the time
    // the evaluations took, so that the hot loop of the same round takes as long.
    private static double ColdMicroseconds(Action evaluate, byte[] buffer, int evaluations, out TimeSpan spent)
    {
        long ticks = 0;
        for (var n = 0; n < evaluations; n++)
        {
            for (var i = 0; i < buffer.Length; i += 64)
            {
                buffer[i]++;
            }

            var started = Stopwatch.GetTimestamp();
            evaluate();
            ticks += Stopwatch.GetTimestamp() - started;
        }

        spent = Stopwatch.GetElapsedTime(0, ticks);
        return spent.TotalMicroseconds / evaluations;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
