using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.Loader;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// Whether a change made the engine faster or slower, on a host too noisy for two runs of the suite to tell: not a
/// benchmark, a diagnosis. It loads this build of the benchmarks and another one (this project's output folder, built
/// from another commit), each with its own ConnectionRules in its own <see cref="AssemblyLoadContext"/>, into one
/// process, and times their engines' <c>Evaluate</c> on each request shape in turns of a few milliseconds, so that a
/// slow phase of the host falls on both alike. A second copy of the other build, loaded beside them, is the control: it
/// shows how far two copies of one build read apart, since each copy's code lands elsewhere in memory. Each line gives
/// the three builds' median times and the medians, over the turns, of this build's and the control's time divided by
/// the other build's in the same turn. Run with
/// <c>dotnet run -c Release --project benchmarks/ConnectionRules.Benchmarks -- --versus &lt;folder&gt; [turns]</c>,
/// where the folder is, for instance, <c>/tmp/base/benchmarks/ConnectionRules.Benchmarks/bin/Release/net10.0</c> after
/// <c>git worktree add /tmp/base &lt;commit&gt;</c> and <c>dotnet build -c Release</c> of this project there.
/// </summary>
public static class Versus
{
    private const string BenchmarksAssembly = "ConnectionRules.Benchmarks.dll";

    /// <summary>Times the engines of the other build, this build and the other again on every shape, and writes a line per shape.</summary>
    /// <param name="output">Where the lines go.</param>
    /// <param name="otherBuild">The output folder of this project built from another commit.</param>
    /// <param name="turns">How many turns each build takes on each shape.</param>
    /// <param name="millisecondsPerTurn">About how long one turn repeats one evaluation.</param>
    /// <exception cref="ArgumentException">The folder holds no build of this project that can be read.</exception>
    public static void Run(TextWriter output, string otherBuild, int turns, int millisecondsPerTurn = 20)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(turns, 1);
        var builds = new[] { Load(otherBuild), Load(AppContext.BaseDirectory), Load(otherBuild) };
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Microseconds per evaluation, medians of {turns} turn(s) of {millisecondsPerTurn} ms: the other build ({otherBuild}), this build, and the other build again as the control; then this build's and the control's time over the other build's, turn by turn, medians."));
        foreach (var size in Enum.GetNames<Shapes.RequestSize>())
        {
            foreach (var flags in Enum.GetNames<Shapes.Flagged>())
            {
                var evaluations = builds.Select(build => build(size, flags)).ToArray();
                var times = evaluations.Select(_ => new double[turns]).ToArray();
                for (var turn = -2; turn < turns; turn++)
                {
                    for (var b = 0; b < evaluations.Length; b++)
                    {
                        // The first two turns warm the code up and are not kept.
                        var time = Turn(evaluations[b], millisecondsPerTurn);
                        if (turn >= 0)
                        {
                            times[b][turn] = time;
                        }
                    }
                }

                double RatioToOther(int build) => Median(times[build].Select((time, turn) => time / times[0][turn]));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size,-8} {flags,-6} other {Median(times[0]),8:F2}  this {Median(times[1]),8:F2}  control {Median(times[2]),8:F2}  |  this ÷ other {RatioToOther(1):F3}  control ÷ other {RatioToOther(2):F3}"));
            }
        }
    }

    // One turn: the evaluation repeated for about the given time; microseconds per evaluation.
    private static double Turn(Action evaluate, int milliseconds)
    {
        var watch = Stopwatch.StartNew();
        var count = 0;
        do
        {
            evaluate();
            evaluate();
            count += 2;
        }
        while (watch.ElapsedMilliseconds < milliseconds);

        return watch.Elapsed.TotalMicroseconds / count;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>
    /// Loads a build in a context of its own and returns, for a shape's size and flags, its engine's evaluation of that
    /// shape's request as a compiled call, so that timing it costs no reflection.
    /// </summary>
    private static Func<string, string, Action> Load(string folder)
    {
        var path = Path.Combine(folder, BenchmarksAssembly);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"{folder} holds no {BenchmarksAssembly}: give the output folder of benchmarks/ConnectionRules.Benchmarks built from the other commit (bin/Release/net10.0).", nameof(folder));
        }

        try
        {
            var benchmarks = new BuildContext(folder).LoadFromAssemblyPath(path);
            Type TypeOf(string name) => benchmarks.GetType(name) ?? throw Unreadable($"no type {name}");
            var create = TypeOf("ConnectionRules.Benchmarks.Judges").GetMethod(nameof(Judges.Create)) ?? throw Unreadable("no Judges.Create");
            var judges = create.Invoke(null, [null]) ?? throw Unreadable("Judges.Create returned null");
            var engine = judges.GetType().GetProperty(nameof(Judges.Engine))?.GetValue(judges) ?? throw Unreadable("no Judges.Engine");
            var sizeType = TypeOf("ConnectionRules.Benchmarks.Shapes.RequestSize");
            var flaggedType = TypeOf("ConnectionRules.Benchmarks.Shapes.Flagged");
            var createRequest = TypeOf("ConnectionRules.Benchmarks.Shapes.RequestShapes").GetMethod(nameof(Shapes.RequestShapes.Create), [sizeType, flaggedType])
                ?? throw Unreadable("no RequestShapes.Create(RequestSize, Flagged)");
            return (size, flags) =>
            {
                var request = createRequest.Invoke(null, [Enum.Parse(sizeType, size), Enum.Parse(flaggedType, flags)]) ?? throw Unreadable("RequestShapes.Create returned null");
                var evaluate = engine.GetType().GetMethod(nameof(RuleEngine.Evaluate), [request.GetType()]) ?? throw Unreadable("no RuleEngine.Evaluate(ConnectionRequest)");
                return Expression.Lambda<Action>(Expression.Call(Expression.Constant(engine), evaluate, Expression.Constant(request))).Compile();
            };
        }
        catch (Exception exception) when (exception is FileLoadException or BadImageFormatException or TargetInvocationException)
        {
            throw Unreadable($"{exception.GetType().Name}: {exception.Message}", exception);
        }

        ArgumentException Unreadable(string what, Exception? inner = null) =>
            new($"{folder} holds a build of the benchmarks that --versus cannot read ({what}).", nameof(folder), inner);
    }

    /// <summary>Loads the assemblies of one build from its folder; the framework's come from the default context.</summary>
    private sealed class BuildContext(string folder) : AssemblyLoadContext($"versus {folder}")
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(folder, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
