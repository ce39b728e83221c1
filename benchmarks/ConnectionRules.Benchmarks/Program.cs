using BenchmarkDotNet.Running;
using ConnectionRules.Benchmarks;

// dotnet run -c Release --project benchmarks/ConnectionRules.Benchmarks -- --filter '*'
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.For(args));

// A setup that throws (the three judges disagree) must fail the run, not leave a report with empty rows.
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
