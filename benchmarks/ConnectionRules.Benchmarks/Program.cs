using System.Globalization;
using BenchmarkDotNet.Running;
using ConnectionRules.Benchmarks;

// dotnet run -c Release --project benchmarks/ConnectionRules.Benchmarks -- --cores [rounds]   (see CoreCapacity)
if (args is ["--cores", .. var coresArguments])
{
    return Diagnose("--cores", "rounds", coresArguments, 10, count => CoreCapacity.Run(Console.Out, count));
}

// dotnet run -c Release --project benchmarks/ConnectionRules.Benchmarks -- --phases [seconds]   (see HostPhases)
if (args is ["--phases", .. var phasesArguments])
{
    return Diagnose("--phases", "seconds", phasesArguments, 60, count => HostPhases.Run(Console.Out, count));
}

// dotnet run -c Release --project benchmarks/ConnectionRules.Benchmarks -- --cold [rounds]   (see ColdCaches)
if (args is ["--cold", .. var coldArguments])
{
    return Diagnose("--cold", "rounds", coldArguments, 7, count => ColdCaches.Run(Console.Out, count));
}

// dotnet run -c Release --project benchmarks/ConnectionRules.Benchmarks -- --versus <folder> [turns]   (see Versus)
if (args is ["--versus"])
{
    Console.Error.WriteLine("--versus takes the output folder of this project built from another commit, then optionally a number of turns (--versus /tmp/base/benchmarks/ConnectionRules.Benchmarks/bin/Release/net10.0 60).");
    return 2;
}

if (args is ["--versus", var otherBuild, .. var versusArguments])
{
    try
    {
        return Diagnose($"--versus {otherBuild}", "turns", versusArguments, 60, turns => Versus.Run(Console.Out, otherBuild, turns));
    }
    catch (ArgumentException exception)
    {
        Console.Error.WriteLine($"--versus: {exception.Message}");
        return 2;
    }
}

// dotnet run -c Release --project benchmarks/ConnectionRules.Benchmarks -- --filter '*'
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.For(args));

// A setup that throws (the three judges disagree) must fail the run, not leave a report with empty rows.
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

// Runs a diagnosis that takes one optional count (defaultCount when it is not given), or says what it takes.
static int Diagnose(string option, string unit, string[] arguments, int defaultCount, Action<int> run)
{
    var count = defaultCount;
    if (arguments.Length > 1 || (arguments.Length == 1 && !(int.TryParse(arguments[0], NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= 1)))
    {
        Console.Error.WriteLine($"{option} takes at most one argument, a number of {unit} of at least 1 ({option} {defaultCount}); got: {string.Join(' ', arguments)}");
        return 2;
    }

    run(count);
    return 0;
}
