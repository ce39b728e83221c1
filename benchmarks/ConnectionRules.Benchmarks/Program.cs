using System.Globalization;
using BenchmarkDotNet.Running;
using ConnectionRules.Benchmarks;

// dotnet run -c Release --project benchmarks/ConnectionRules.Benchmarks -- --cores [rounds]   (see CoreCapacity)
if (args is ["--cores", .. var rest])
{
    var rounds = 10;
    if (rest.Length > 1 || (rest.Length == 1 && !(int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out rounds) && rounds >= 1)))
    {
        Console.Error.WriteLine($"--cores takes at most one argument, a number of rounds of at least 1 (--cores 10); got: {string.Join(' ', rest)}");
        return 2;
    }

    CoreCapacity.Run(Console.Out, rounds);
    return 0;
}

// dotnet run -c Release --project benchmarks/ConnectionRules.Benchmarks -- --filter '*'
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.For(args));

// A setup that throws (the three judges disagree) must fail the run, not leave a report with empty rows.
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
