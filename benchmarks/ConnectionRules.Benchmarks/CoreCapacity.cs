using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using ConnectionRules.Benchmarks.Shapes;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// What the machine's cores can give a parallel batch, beside what <c>EvaluateMany</c> takes from them: not a benchmark,
/// a diagnosis for when <see cref="BatchBenchmarks"/> shows less than the expected gain. Each round times the inbox on
/// one thread, then one copy of it on each of as many threads as there are processors, all at once, then
/// <c>EvaluateMany</c> on all processors. The copies tell how fast each core ran; their speeds added up are the most any
/// parallel batch could have gained in that round. The same is measured without allocation, on the inbox's clean
/// requests evaluated one after the other and not kept: where the copies of the batch gain less than those, the
/// difference is the garbage collector's, which the batch's kept diagnostics keep busy, not the cores'. The one-thread
/// and <c>EvaluateMany</c> times also say how much of them the collector held the threads paused. Each time is the
/// mean of as many batches as take about half a second: the host's slow phases last seconds, and a single batch would
/// fall wholly in or out of one. Run with
/// <c>dotnet run -c Release --project benchmarks/ConnectionRules.Benchmarks -- --cores [rounds]</c>, and with the
/// environment variable <c>DOTNET_gcServer=1</c> for the server garbage collector.
/// </summary>
public static class CoreCapacity
{
    /// <summary>Runs the rounds and writes one line per round.</summary>
    /// <param name="output">Where the lines go.</param>
    /// <param name="rounds">How many rounds.</param>
    /// <param name="requests">The size of the inbox.</param>
    /// <param name="millisecondsPerTime">About how long each time is measured for, repeating the batch.</param>
    public static void Run(TextWriter output, int rounds, int requests = BatchBenchmarks.Requests, int millisecondsPerTime = 500)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var engine = Judges.Create().Engine;
        var inbox = RequestShapes.Mix(requests);
        var clean = inbox.Where(r => engine.Evaluate(r).Diagnostics.Count == 0).ToArray();
        void EvaluateClean()
        {
            foreach (var request in clean)
            {
                engine.Evaluate(request);
            }
        }

        for (var i = 0; i < 3; i++)
        {
            engine.EvaluateMany(inbox, 1);
            engine.EvaluateMany(inbox);
            EvaluateClean();
        }

        var repeats = (int)Math.Ceiling(millisecondsPerTime / Time(() => engine.EvaluateMany(inbox, 1), 1));
        var collector = GCSettings.IsServerGC ? "server" : "workstation";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{requests:N0} requests, {Environment.ProcessorCount} processors, the {collector} garbage collector; times per batch, each the mean of {repeats}. Gains are throughput over one thread's."));
        for (var round = 1; round <= rounds; round++)
        {
            var (sequential, sequentialPause) = TimeAndPause(() => engine.EvaluateMany(inbox, 1), repeats);
            var copies = AtOnce(Environment.ProcessorCount, () => Time(() => engine.EvaluateMany(inbox, 1), repeats));
            var cleanSequential = Time(EvaluateClean, repeats);
            var cleanCopies = AtOnce(Environment.ProcessorCount, () => Time(EvaluateClean, repeats));
            var (parallel, parallelPause) = TimeAndPause(() => engine.EvaluateMany(inbox), repeats);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"round {round}: one thread {sequential:F1} ms (GC paused {sequentialPause:F1} ms) | copies at once {string.Join(" and ", copies.Select(c => c.ToString("F1", CultureInfo.InvariantCulture)))} ms, capacity {copies.Sum(c => sequential / c):F2}×, without allocation {cleanCopies.Sum(c => cleanSequential / c):F2}× | EvaluateMany {parallel:F1} ms (GC paused {parallelPause:F1} ms), {sequential / parallel:F2}×"));
        }
    }

    // Dedicated threads, started together, so that the copies surely run at the same time.
    private static double[] AtOnce(int count, Func<double> time)
    {
        var times = new double[count];
        using var start = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            times[i] = time();
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return times;
    }

    // The mean time of one call, and of the garbage collector's pauses during it, in milliseconds.
    private static (double Time, double Paused) TimeAndPause(Action action, int times)
    {
        var paused = GC.GetTotalPauseDuration();
        var time = Time(action, times);
        return (time, (GC.GetTotalPauseDuration() - paused).TotalMilliseconds / times);
    }

    // The mean time of one call, in milliseconds.
    private static double Time(Action action, int times)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < times; i++)
        {
            action();
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds / times;
    }
}
