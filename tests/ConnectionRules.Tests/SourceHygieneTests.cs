using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests;

/// <summary>House rules that the compiler does not enforce.</summary>
public sealed class SourceHygieneTests
{
    public static TheoryData<string> AmbientClocks => new() { "DateTime.Now", "DateTime.UtcNow", "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "DateTime.Today" };

    [Theory]
    [MemberData(nameof(AmbientClocks))]
    public void The_library_never_reads_the_ambient_clock(string clock)
    {
        var offenders = Directory.EnumerateFiles(Repository.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => File.ReadAllText(file).Contains(clock, StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(Repository.Root, file))
            .ToList();
        Assert.True(offenders.Count == 0, $"{clock} is read in {string.Join(", ", offenders)}; take the time from the engine's TimeProvider instead.");
    }

    [Fact]
    public void No_file_names_a_package_registry()
    {
        var offenders = Directory.EnumerateFiles(Repository.Root, "*", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => Path.GetExtension(file) is ".cs" or ".md" or ".json" or ".config" or ".props" or ".csproj" or ".txt" or "")
            .Where(file => File.ReadAllText(file).Contains("api.nuget" + ".org", StringComparison.OrdinalIgnoreCase))
            .Select(file => Path.GetRelativePath(Repository.Root, file))
            .ToList();
        Assert.Empty(offenders);
    }
}
