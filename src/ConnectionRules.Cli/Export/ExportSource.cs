using System.IO.Compression;

namespace ConnectionRules.Cli.Export;

/// <summary>One file of an export: its name inside the export, its size, and a way to read it.</summary>
/// <param name="Name">The path inside the export, with forward slashes (<c>Connections.csv</c>, or <c>Basic_LinkedInDataExport/messages.csv</c>).</param>
/// <param name="Label">How messages name the file: its full path in a folder, or <c>messages.csv in export.zip</c>.</param>
/// <param name="Length">The size in bytes (uncompressed, for a zip entry).</param>
/// <param name="Open">Opens the file for reading from the start.</param>
internal sealed record ExportFile(string Name, string Label, long Length, Func<Stream> Open);

/// <summary>
/// A LinkedIn data export as the user has it: the folder they extracted, or the .zip LinkedIn sent, read in place.
/// Files are found by name, case-insensitively, at the top or up to two folders down (some exports nest one folder).
/// </summary>
internal abstract class ExportSource : IDisposable
{
    private const int MaxDepth = 2;

    protected ExportSource(string path) => Path = path;

    /// <summary>Gets the path the user gave.</summary>
    public string Path { get; }

    /// <summary>Opens a folder or a .zip file.</summary>
    /// <exception cref="UnusableExportException">The path does not exist or is not a readable zip archive.</exception>
    public static ExportSource Open(string path)
    {
        if (Directory.Exists(path))
        {
            return new FolderSource(path);
        }

        if (!File.Exists(path))
        {
            throw new UnusableExportException(path, null, "no such file or folder. Give the folder you extracted from LinkedIn's \"Get a copy of your data\", or the .zip file itself.");
        }

        try
        {
            return new ZipSource(path, ZipFile.OpenRead(path));
        }
        catch (InvalidDataException exception)
        {
            throw new UnusableExportException(path, null, $"not a zip archive ({exception.Message}). Give the .zip LinkedIn sent, or the folder you extracted it to, not a single file of it.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UnusableExportException(path, null, $"cannot be read: {exception.Message}");
        }
    }

    /// <summary>Finds a file by name; the shallowest match wins.</summary>
    public abstract ExportFile? Find(string fileName);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the archive, for a zip.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    private static int Depth(string name) => name.Count(c => c == '/');

    private sealed class FolderSource(string path) : ExportSource(path)
    {
        public override ExportFile? Find(string fileName)
        {
            var options = new EnumerationOptions
            {
                MatchCasing = MatchCasing.CaseInsensitive,
                RecurseSubdirectories = true,
                MaxRecursionDepth = MaxDepth,
                IgnoreInaccessible = true,
            };
            var match = Directory.EnumerateFiles(Path, fileName, options)
                .Select(file => System.IO.Path.GetRelativePath(Path, file).Replace('\\', '/'))
                .OrderBy(Depth)
                .ThenBy(name => name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (match is null)
            {
                return null;
            }

            var full = System.IO.Path.Combine(Path, match);
            return new ExportFile(match, full, new FileInfo(full).Length, () => File.OpenRead(full));
        }
    }

    private sealed class ZipSource(string path, ZipArchive archive) : ExportSource(path)
    {
        public override ExportFile? Find(string fileName)
        {
            var entry = archive.Entries
                .Where(e => string.Equals(e.Name, fileName, StringComparison.OrdinalIgnoreCase) && Depth(e.FullName) <= MaxDepth)
                .OrderBy(e => Depth(e.FullName))
                .ThenBy(e => e.FullName, StringComparer.Ordinal)
                .FirstOrDefault();
            return entry is null
                ? null
                : new ExportFile(entry.FullName, $"{entry.FullName} in {Path}", entry.Length, entry.Open);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                archive.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
