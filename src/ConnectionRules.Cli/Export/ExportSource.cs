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
/// Files are found by name, case-insensitively, in the export's own folder: the shallowest one, at the top or up to two
/// folders down (some exports nest one folder), that holds Connections.csv or Invitations.csv. LinkedIn writes every
/// file triage reads there, so a file of that name in another folder, even one below it, belongs to something else.
/// Two such folders side by side (LinkedIn sends a Basic and a Complete archive) are refused rather than mixed.
/// </summary>
internal abstract class ExportSource : IDisposable
{
    private const int MaxDepth = 2;

    // The files that say where an export's folder is.
    private static readonly string[] Anchors = [LinkedInExportReader.ConnectionsFile, LinkedInExportReader.InvitationsFile];

    // The export's folder inside the source, "" or ending with a slash; found on the first search.
    private string? _folder;

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

    /// <summary>Finds a file by name in the export's folder.</summary>
    /// <exception cref="UnusableExportException">The source holds two exports side by side.</exception>
    public ExportFile? Find(string fileName)
    {
        var folder = _folder ??= ExportFolder();
        return Files(fileName)
            .Where(file => string.Equals(FolderOf(file.Name), folder, StringComparison.Ordinal))
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .FirstOrDefault();
    }

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

    /// <summary>Every file of this name, case-insensitively, at most <see cref="MaxDepth"/> folders down, named with forward slashes.</summary>
    protected abstract IEnumerable<ExportFile> Files(string fileName);

    private static int Depth(string name) => name.Count(c => c == '/');

    private static string FolderOf(string name) => name[..(name.LastIndexOf('/') + 1)];

    private string ExportFolder()
    {
        var folders = Anchors.SelectMany(Files).Select(file => FolderOf(file.Name)).Distinct(StringComparer.Ordinal).ToList();
        if (folders.Count == 0)
        {
            return "";
        }

        var depth = folders.Min(Depth);
        var shallowest = folders.Where(folder => Depth(folder) == depth).Order(StringComparer.Ordinal).ToList();
        return shallowest.Count == 1
            ? shallowest[0]
            : throw new UnusableExportException(
                Path,
                null,
                $"holds {shallowest.Count} exports side by side ({string.Join(", ", shallowest.Select(folder => folder.TrimEnd('/')))}), and taking a file from each would mix them. Give the folder of the one to triage.");
    }

    private sealed class FolderSource(string path) : ExportSource(path)
    {
        protected override IEnumerable<ExportFile> Files(string fileName)
        {
            var options = new EnumerationOptions
            {
                MatchCasing = MatchCasing.CaseInsensitive,
                RecurseSubdirectories = true,
                MaxRecursionDepth = MaxDepth,
                IgnoreInaccessible = true,
            };
            foreach (var full in Directory.EnumerateFiles(Path, fileName, options))
            {
                var name = System.IO.Path.GetRelativePath(Path, full).Replace('\\', '/');
                yield return new ExportFile(name, full, new FileInfo(full).Length, () => File.OpenRead(full));
            }
        }
    }

    private sealed class ZipSource(string path, ZipArchive archive) : ExportSource(path)
    {
        // The entries whose data was shown to be whole: a file opened again (messages.csv, when it names the owner) is not
        // read through again.
        private readonly HashSet<ZipArchiveEntry> _whole = [];

        // A zip made on Windows may separate folders with backslashes.
        protected override IEnumerable<ExportFile> Files(string fileName) =>
            from entry in archive.Entries
            let name = entry.FullName.Replace('\\', '/')
            where string.Equals(entry.Name, fileName, StringComparison.OrdinalIgnoreCase) && Depth(name) <= MaxDepth
            select new ExportFile(name, $"{entry.FullName} in {Path}", entry.Length, () => OpenChecked(entry));

        /// <summary>
        /// Opens an entry once it is shown to be whole: .NET decompresses an entry without checking its CRC-32, so damaged
        /// data would read as text and be triaged (rows skipped as malformed, verdicts lost) with exit code 0. The first
        /// time, it is read through to compare, then opened again to be parsed: a second decompression, and no copy of it
        /// in memory.
        /// </summary>
        /// <exception cref="DamagedZipEntryException">The entry's data does not have the CRC-32 the archive records for it.</exception>
        private Stream OpenChecked(ZipArchiveEntry entry)
        {
            if (!_whole.Contains(entry))
            {
                uint crc;
                using (var stream = entry.Open())
                {
                    crc = Crc32.Of(stream);
                }

                if (crc != entry.Crc32)
                {
                    throw new DamagedZipEntryException($"its data is damaged: its CRC-32 is {crc:X8}, where the zip records {entry.Crc32:X8}.");
                }

                _whole.Add(entry);
            }

            return entry.Open();
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
