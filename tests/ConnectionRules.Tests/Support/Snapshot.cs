using System.Runtime.CompilerServices;

namespace ConnectionRules.Tests.Support;

/// <summary>
/// Approved-file snapshots in the shape Verify uses: <c>{Class}.{Method}.verified.txt</c> beside the test file is the
/// approved text; on a mismatch the actual text is written to <c>.received.txt</c> beside it and the test fails.
/// Approve by renaming received to verified. Moving to Verify later is mechanical.
/// </summary>
public static class Snapshot
{
    public static void Verify(string actual, string? name = null, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "")
    {
        var directory = Path.GetDirectoryName(Repository.SourcePath(testFile))!;
        var stem = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(testFile)}.{name ?? testMethod}");
        var verifiedPath = stem + ".verified.txt";
        var receivedPath = stem + ".received.txt";
        var normalized = Normalize(actual);
        if (File.Exists(verifiedPath) && Normalize(File.ReadAllText(verifiedPath)) == normalized)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, normalized);
        Assert.Fail(File.Exists(verifiedPath)
            ? $"The snapshot differs from {verifiedPath}. Compare it with {receivedPath}; if the change is intended, replace the verified file with the received one."
            : $"No approved snapshot {verifiedPath} yet. Review {receivedPath} and rename it to .verified.txt to approve it.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
}
