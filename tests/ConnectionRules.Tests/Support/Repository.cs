namespace ConnectionRules.Tests.Support;

/// <summary>Paths into the repository the tests run from (found from the test binaries, not from compile-time paths, which CI builds map to <c>/_/</c>).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Maps a <c>[CallerFilePath]</c>, which deterministic CI builds rewrite to start with <c>/_/</c>, back to this checkout.</summary>
    public static string SourcePath(string callerFilePath) =>
        callerFilePath.StartsWith("/_/", StringComparison.Ordinal) ? PathOf(callerFilePath["/_/".Length..].Split('/')) : callerFilePath;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ConnectionRules.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No ConnectionRules.sln above {AppContext.BaseDirectory}.");
    }
}
