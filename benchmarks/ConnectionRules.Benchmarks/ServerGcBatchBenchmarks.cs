using BenchmarkDotNet.Attributes;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// <see cref="BatchBenchmarks"/> again, with the server garbage collector: the one an ASP.NET Core host, where a CRM
/// runs its batches, uses unless told otherwise. A batch keeps every evaluation until it returns, so with the
/// workstation collector of the other benchmarks each collection during the batch copies the diagnostics made so far
/// while both threads wait; the server collector gives each core its own larger heap and collects it on both cores.
/// The two reports side by side show how much of the parallel gain the collector decides.
/// </summary>
[GcServer(true)]
public class ServerGcBatchBenchmarks : BatchBenchmarks
{
}
