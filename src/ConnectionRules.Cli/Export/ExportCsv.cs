using System.Net;
using System.Runtime.CompilerServices;
using CsvHelper;

namespace ConnectionRules.Cli.Export;

/// <summary>
/// Reads one CSV file of an export the way LinkedIn writes it: finds the header below any preamble (Connections.csv
/// opens with three lines of notes), honours a UTF-8 byte order mark, quoted fields with commas and line breaks, and
/// ragged rows; skips rows that are nothing but commas; reports a malformed row as a warning naming its line and skips
/// it. Values are trimmed and HTML entities (<c>&amp;amp;</c>, <c>&amp;#39;</c>) decoded.
/// </summary>
internal sealed class ExportCsv : IDisposable
{
    // Connections.csv has three lines of notes before its header; allow some more for future notes.
    private const int MaxPreambleRecords = 10;

    private readonly ExportFile _file;
    private readonly Action<ExportWarning> _warn;
    private readonly Stream _stream;
    private readonly CsvReader _reader;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _requiredFieldCount;
    private bool _current;
    private bool _warnedEncoding;

    private ExportCsv(ExportFile file, Action<ExportWarning> warn, Stream stream, CsvReader reader, IReadOnlyList<string> required, IReadOnlyList<string> written, StrongBox<int> skipped)
    {
        _file = file;
        _warn = warn;
        _stream = stream;
        _reader = reader;
        FindHeader(required, skipped);
        _requiredFieldCount = IsEmpty ? 0 : required.Max(name => _columns[name]) + 1;
        foreach (var name in IsEmpty ? [] : written.Where(name => !_columns.ContainsKey(name)))
        {
            // Read as empty in every row, which can change verdicts (no notes, no joins by URL): say so once.
            Warn($"the header has no \"{name}\" column, which LinkedIn's {System.IO.Path.GetFileName(_file.Name)} has; it is read as empty in every row, so what it would hold is not judged. Was the file edited or saved by a spreadsheet?");
        }
    }

    /// <summary>Gets a value indicating whether the file holds nothing at all, not even a header: read as no rows.</summary>
    public bool IsEmpty { get; private set; }

    /// <summary>Gets the file being read.</summary>
    public ExportFile File => _file;

    /// <summary>Gets the 1-based line where the current row starts.</summary>
    public long Line => _reader.LineNumber;

    /// <summary>Gets how many bytes of the file have been read up to the current row, for progress displays.</summary>
    public long Position => _reader.ByteOffset;

    /// <summary>Opens a file and reads its header.</summary>
    /// <param name="file">The file.</param>
    /// <param name="required">The columns a row cannot be used without; the first one identifies the header row.</param>
    /// <param name="warn">Receives malformed rows, and the columns of <paramref name="written"/> the header lacks.</param>
    /// <param name="written">The other columns LinkedIn writes in this file: each one missing is a warning.</param>
    /// <exception cref="UnusableExportException">The file cannot be opened, or has no header with the required columns.</exception>
    public static ExportCsv Open(ExportFile file, IReadOnlyList<string> required, Action<ExportWarning> warn, IReadOnlyList<string>? written = null)
    {
        Stream stream;
        try
        {
            stream = file.Open();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException)
        {
            // An entry compressed with a method .NET does not read (LZMA, encrypted), a file without read permission.
            throw new UnusableExportException(file.Label, null, $"cannot be read: {exception.Message}{ArchiveHint(exception)}");
        }

        CsvReader? reader = null;
        var skipped = new StrongBox<int>();
        try
        {
            var options = CsvReaderOptions.Default with
            {
                HasHeader = false,
                Separator = ',',
                TrackLineNumbers = true,

                // Names and URLs repeat on every message; a column of unique texts stops pooling by itself.
                PoolStrings = true,
                SkipEmptyLines = true,
                MalformedData = CsvMalformedDataHandling.Skip,
                OnMalformedRecord = record =>
                {
                    skipped.Value++;
                    warn(new ExportWarning(file.Name, file.Label, record.LineNumber, Describe(record)));
                },
            };
            reader = CsvReader.Create(stream, options, leaveOpen: false);
            return new ExportCsv(file, warn, stream, reader, required, written ?? [], skipped);
        }
        catch
        {
            reader?.Dispose();
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Returns the index of a column, or -1 when the file does not have it.</summary>
    public int Column(string name) => _columns.TryGetValue(name, out var index) ? index : -1;

    /// <summary>Returns whether the file has a column.</summary>
    public bool Has(string name) => _columns.ContainsKey(name);

    /// <summary>Moves to the next usable row, skipping rows of nothing but commas and reporting rows too short to use.</summary>
    /// <exception cref="UnusableExportException">The file cannot be read (a damaged zip entry, an I/O error).</exception>
    public bool Read()
    {
        while (!IsEmpty && ReadRecord())
        {
            if (IsBlank())
            {
                continue;
            }

            if (_reader.FieldCount < _requiredFieldCount)
            {
                Warn($"the row has {_reader.FieldCount} field(s) where {_requiredFieldCount} are needed; skipped. Is a line break missing its quotes?");
                continue;
            }

            return true;
        }

        return false;
    }

    /// <summary>Gets a field of the current row, trimmed and with HTML entities decoded; "" when the row is too short or the column absent.</summary>
    public string Get(int column)
    {
        if (column < 0 || column >= _reader.FieldCount)
        {
            return "";
        }

        var value = _reader.GetString(column);
        if (value.Length == 0)
        {
            return value;
        }

        if (!_warnedEncoding && value.Contains('\uFFFD', StringComparison.Ordinal) && !System.Text.Unicode.Utf8.IsValid(_reader.GetSpan(column)))
        {
            // Bytes that are not UTF-8 read as U+FFFD: a file re-saved in a legacy encoding by a spreadsheet. Its names then
            // join nobody in the other files, so say so once rather than let "J\uFFFDrgen" pass for a name. A U+FFFD
            // written in UTF-8 (a message that quoted one) is text like any other.
            _warnedEncoding = true;
            Warn("the file is not UTF-8 (probably re-saved by a spreadsheet in another encoding): from this row on, its non-UTF-8 characters read as \uFFFD and names holding them may join nobody. Use the file as LinkedIn sent it.");
        }

        value = value.Trim();
        return value.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(value) : value;
    }

    /// <summary>Returns whether a field equals a text, ignoring ASCII case and surrounding spaces, without making a string of it.</summary>
    public bool Is(int column, string value)
    {
        if (column < 0 || column >= _reader.FieldCount)
        {
            return value.Length == 0;
        }

        return System.Text.Ascii.EqualsIgnoreCase(_reader.GetSpan(column).Trim(" \t"u8), System.Text.Encoding.ASCII.GetBytes(value));
    }

    /// <summary>Gets a field by column name; see <see cref="Get(int)"/>.</summary>
    public string Get(string column) => Get(Column(column));

    /// <summary>Reports a problem with the current row.</summary>
    public void Warn(string message) => _warn(new ExportWarning(_file.Name, _file.Label, Line, message));

    /// <summary>Makes the exception for a value that makes the whole file unusable, on the current row.</summary>
    public UnusableExportException Unusable(string problem) => new(_file.Label, Line, problem);

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    private bool ReadRecord()
    {
        try
        {
            _current = _reader.Read();
            return _current;
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or CsvFormatException)
        {
            throw new UnusableExportException(_file.Label, _current ? Line : null, $"cannot be read: {exception.Message}{ArchiveHint(exception)}");
        }
    }

    // .NET says "unsupported compression method" for an encrypted entry and for damaged data alike.
    private static string ArchiveHint(Exception exception) => exception switch
    {
        DamagedZipEntryException => " Download the export from LinkedIn again, or extract what your archive tool can of it and give the folder.",
        InvalidDataException or NotSupportedException => " The zip may be encrypted, damaged, or compressed with a method .NET does not read: extract it with your archive tool and give the folder.",
        _ => "",
    };

    private bool IsBlank()
    {
        for (var i = 0; i < _reader.FieldCount; i++)
        {
            if (!_reader.GetSpan(i).Trim(" \t"u8).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    // The name of the separator other than a comma that splits this line into fields, one of them the first column.
    private static string? OtherSeparator(string line, string firstColumn) =>
        new[] { (';', "semicolons"), ('\t', "tabs") }
            .Where(s => line.Split(s.Item1).Select(f => f.Trim(' ', '"')).Contains(firstColumn, StringComparer.OrdinalIgnoreCase))
            .Select(s => s.Item2)
            .FirstOrDefault();

    private void FindHeader(IReadOnlyList<string> required, StrongBox<int> skipped)
    {
        var records = 0;
        while (ReadRecord())
        {
            if (IsBlank())
            {
                continue;
            }

            var fields = Enumerable.Range(0, _reader.FieldCount).Select(i => _reader.GetString(i).Trim()).ToArray();
            if (required.Count > 0 && fields.Length == 1 && OtherSeparator(fields[0], required[0]) is { } separator)
            {
                // A spreadsheet re-saved the file: in a locale whose list separator is ';', or as "Unicode Text" (tabs).
                throw Unusable($"the header is separated by {separator}, not commas: the file was re-saved by a spreadsheet. Use the {System.IO.Path.GetFileName(_file.Name)} LinkedIn sent, or save it again as comma-separated.");
            }

            if (required.Count > 0 && fields.Contains(required[0], StringComparer.OrdinalIgnoreCase))
            {
                for (var i = 0; i < fields.Length; i++)
                {
                    _columns.TryAdd(fields[i], i);
                }

                var missing = required.Where(name => !_columns.ContainsKey(name)).ToList();
                if (missing.Count > 0)
                {
                    throw Unusable(
                        $"the header has no {string.Join(", ", missing.Select(m => $"\"{m}\""))} column (it has {string.Join(", ", fields.Select(f => $"\"{f}\""))}). "
                        + $"LinkedIn's {System.IO.Path.GetFileName(_file.Name)} has {string.Join(",", required)}; was the file edited or saved by a spreadsheet?");
                }

                return;
            }

            if (++records >= MaxPreambleRecords)
            {
                break;
            }
        }

        // Only a file with no record at all is empty: one whose records were all malformed is not a LinkedIn file.
        if (records == 0 && !_current && skipped.Value == 0)
        {
            IsEmpty = true;
            _warn(new ExportWarning(_file.Name, _file.Label, 0, "the file is empty, not even a header; read as holding no rows."));
            return;
        }

        throw new UnusableExportException(
            _file.Label,
            _current ? Line : null,
            $"no header row with {string.Join(",", required)} {(_current ? "in the first lines" : "before the end of the file")}; this is not the {System.IO.Path.GetFileName(_file.Name)} of a LinkedIn data export.");
    }

    // A quote left open swallows the lines after it into one record, up to the next quote: the warning says how many.
    private static string Describe(CsvMalformedRecord record)
    {
        var lines = LinesIn(record.RawRecord);
        var last = record.LineNumber + lines - 1;
        var skipped = lines == 1 ? "row skipped." : $"lines {record.LineNumber} to {last} ({lines} lines) were read as one row and are all skipped: is a quote on line {record.LineNumber} missing its pair or not doubled?";
        return record.Reason switch
        {
            CsvMalformedReason.UnterminatedQuote => $"a quoted field opened in this row is never closed, so the rest of the file ({lines} line(s)) is one broken row; skipped. Close the quote to read the rows after it.",
            CsvMalformedReason.StrayQuote => $"a quote inside an unquoted field (the field should be quoted and its quotes doubled); {skipped}",
            CsvMalformedReason.TextAfterClosingQuote => lines == 1
                ? "text after the closing quote of a field (a quote inside it should be doubled); row skipped."
                : $"a quoted field that opens on line {record.LineNumber} closes only on line {last}, with text after it; {skipped}",
            _ => $"malformed row ({record.Reason}); {skipped}",
        };
    }

    // The lines a raw record spans; one that runs to the end of the file keeps the file's last line break, which ends a
    // line and starts none.
    private static int LinesIn(string text)
    {
        text = text.TrimEnd('\r', '\n');
        var lines = 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                lines++;
            }
        }

        return lines;
    }
}
