namespace ConnectionRules.Benchmarks.Tests;

/// <summary>The texts of the core tests' labelled pitch corpus, pitches and genuine messages alike.</summary>
public static class Corpus
{
    public static IReadOnlyList<(bool IsPitch, string Text)> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "pitch-corpus.tsv");
        return File.ReadAllLines(path)
            .Skip(1)
            .Select(line => line.Split('\t', 3))
            .Where(fields => fields.Length == 3)
            .Select(fields => (fields[0] == "pitch", fields[2]))
            .ToList();
    }
}
