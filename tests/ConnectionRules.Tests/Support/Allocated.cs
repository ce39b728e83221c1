namespace ConnectionRules.Tests.Support;

/// <summary>What a piece of code allocates on the calling thread: deterministic where its time is not.</summary>
public static class Allocated
{
    /// <summary>
    /// Runs <paramref name="make"/> <paramref name="warmUps"/> times, so that what it touches for the first time is made,
    /// then once more, and returns the bytes that last call allocated and what it returned.
    /// </summary>
    public static (long Bytes, T Result) By<T>(Func<T> make, int warmUps = 1)
    {
        for (var i = 0; i < warmUps; i++)
        {
            make();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = make();
        return (GC.GetAllocatedBytesForCurrentThread() - before, result);
    }
}
