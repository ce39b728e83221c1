using System.Runtime.CompilerServices;

namespace ConnectionRules.Extensions.Tests.Support;

/// <summary>
/// Approved-file snapshots, as in the core's tests: <c>{Class}.{Method}.verified.txt</c> beside the test file is the
/// approved text; on a mismatch the actual text is written to <c>.received.txt</c> beside it and the test fails.
/// </summary>
public static class Snapshot
{
    public static void Verify(string actual, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "")
    {
        var stem = Path.Combine(Path.GetDirectoryName(SourcePath(testFile))!, $"{Path.GetFileNameWithoutExtension(testFile)}.{testMethod}");
        var verifiedPath = stem + ".verified.txt";
        var receivedPath = stem + ".received.txt";
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
        if (File.Exists(verifiedPath) && File.ReadAllText(verifiedPath).Replace("\r\n", "\n", StringComparison.Ordinal) == normalized)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, normalized);
        Assert.Fail($"The snapshot differs from {verifiedPath} (or is missing). Compare it with {receivedPath}; if the change is intended, replace the verified file with the received one.");
    }

    /// <summary>Maps a <c>[CallerFilePath]</c>, which deterministic CI builds rewrite to start with <c>/_/</c>, back to this checkout.</summary>
    private static string SourcePath(string callerFilePath)
    {
        if (!callerFilePath.StartsWith("/_/", StringComparison.Ordinal))
        {
            return callerFilePath;
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ConnectionRules.sln")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? throw new InvalidOperationException($"No ConnectionRules.sln above {AppContext.BaseDirectory}.");
        return Path.Combine([root, .. callerFilePath["/_/".Length..].Split('/')]);
    }
}
