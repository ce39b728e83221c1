using System.Diagnostics;
using System.Globalization;
using ConnectionRules.Benchmarks.Shapes;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// What the machine's cores can give a parallel batch, beside what <c>EvaluateMany</c> takes from them: not a benchmark,
/// a diagnosis for when <see cref="BatchBenchmarks"/> shows less than the expected gain. Each round times the inbox on
/// one thread, then one copy of it on each of as many threads as there are processors, all at once, then
/// <c>EvaluateMany</c> on all processors. The copies tell how fast each core ran; their speeds added up are the most any
/// parallel batch could have gained in that round. Run with
/// <c>dotnet run -c Release --project benchmarks/ConnectionRules.Benchmarks -- --cores [rounds]</c>.
/// </summary>
public static class CoreCapacity
{
    /// <summary>Runs the rounds and writes one line per round.</summary>
    /// <param name="output">Where the lines go.</param>
    /// <param name="rounds">How many rounds.</param>
    /// <param name="requests">The size of the inbox.</param>
    public static void Run(TextWriter output, int rounds, int requests = BatchBenchmarks.Requests)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var engine = Judges.Create().Engine;
        var inbox = RequestShapes.Mix(requests);
        for (var i = 0; i < 3; i++)
        {
            engine.EvaluateMany(inbox, 1);
            engine.EvaluateMany(inbox);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{requests:N0} requests, {Environment.ProcessorCount} processors. Gains are throughput over one thread's."));
        for (var round = 1; round <= rounds; round++)
        {
            var sequential = Time(() => engine.EvaluateMany(inbox, 1));
            var copies = AtOnce(Environment.ProcessorCount, () => engine.EvaluateMany(inbox, 1));
            var parallel = Time(() => engine.EvaluateMany(inbox));
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"round {round}: one thread {sequential:F1} ms | copies at once {string.Join(" and ", copies.Select(c => c.ToString("F1", CultureInfo.InvariantCulture)))} ms, capacity {copies.Sum(c => sequential / c):F2}× | EvaluateMany {parallel:F1} ms, {sequential / parallel:F2}×"));
        }
    }

    // Dedicated threads, started together, so that the copies surely run at the same time.
    private static double[] AtOnce(int count, Action action)
    {
        var times = new double[count];
        using var start = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            times[i] = Time(action);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return times;
    }

    private static double Time(Action action)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
