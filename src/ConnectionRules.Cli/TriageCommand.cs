using System.CommandLine;
using System.Globalization;
using System.Text;
using ConnectionRules.Cli.Export;
using ConnectionRules.Cli.Reports;
using Spectre.Console;

namespace ConnectionRules.Cli;

/// <summary>The output formats of <c>triage</c>.</summary>
internal enum OutputFormat
{
    /// <summary>A summary and a table, for people.</summary>
    Table,

    /// <summary>One object per person, for scripts.</summary>
    Json,

    /// <summary>SARIF 2.1.0, for the tools that read analyzer output.</summary>
    Sarif,
}

/// <summary>
/// <c>connection-rules triage [PATH]</c>: reads a LinkedIn data export, builds a request per person, evaluates them
/// with the recommended rules (tuned by <c>--config</c>) and reports who to decline, review or disconnect, and why.
/// </summary>
internal static class TriageCommand
{
    public const string ToolName = "connection-rules";
    public const string InformationUri = "https://github.com/connection-rules/connection-rules/blob/main/docs/cli.md";

    /// <summary>Exit code of a run that triaged the export.</summary>
    public const int Success = 0;

    /// <summary>Exit code of a failure nobody planned for: a bug.</summary>
    public const int Failure = 1;

    /// <summary>Exit code of unusable input: the export, the configuration or the command line.</summary>
    public const int UnusableInput = 2;

    // Below this many bytes, reading takes less time than drawing a progress bar.
    private const long ProgressThreshold = 1024 * 1024;

    // Past this many, stderr gets a count instead: the JSON and SARIF reports list every one.
    private const int MaxPrintedWarnings = 50;

    /// <summary>Gets the tool's version.</summary>
    public static string Version { get; } =
        typeof(TriageCommand).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "1.0.0";

    /// <summary>Parses the command line and runs it.</summary>
    /// <param name="args">The command line, without the tool's name.</param>
    /// <param name="context">The console, clock and sample export to run against.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = Build(context);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await PrintAsync(context.Error, $"error: {error.Message}").ConfigureAwait(false);
            }

            await PrintAsync(context.Error, $"Run '{ToolName} triage --help' for usage.").ConfigureAwait(false);
            return UnusableInput;
        }

        var invocation = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await PrintAsync(context.Error, "Cancelled.").ConfigureAwait(false);
            return Failure;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            await PrintAsync(context.Error, $"error: unexpected {exception.GetType().Name}: {exception.Message}").ConfigureAwait(false);
            await PrintAsync(context.Error, "This is a bug in connection-rules; please report it with the command line and, if you can, the offending rows.").ConfigureAwait(false);
            return Failure;
        }
    }

    private static RootCommand Build(CliContext context)
    {
        var path = new Argument<string?>("PATH")
        {
            Description = "The LinkedIn data export: the folder you extracted, or the .zip file LinkedIn sent. Without it, the sample export that ships with the tool.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<OutputFormat>("--format", "-f")
        {
            Description = "table (a summary and who to act on), json (one object per person) or sarif (SARIF 2.1.0). Default: table.",
        };
        var output = new Option<FileInfo?>("--output", "-o")
        {
            HelpName = "FILE",
            Description = "Write the report to this file instead of standard output.",
        };
        var config = new Option<FileInfo?>("--config", "-c")
        {
            HelpName = "FILE",
            Description = "A JSON configuration file with a top-level \"ConnectionRules\" section: severities per rule and category, PitchWindow and the other options.",
        };
        var minVerdict = new Option<Verdict?>("--min-verdict")
        {
            Description = "List only people with this verdict or worse: accept, review, decline or disconnect. Default: review for the table, accept (everyone) for json and sarif.",
        };
        var now = new Option<string?>("--now")
        {
            HelpName = "INSTANT",
            Description = "Judge as of this instant (ISO 8601, UTC when no offset is given), for reproducible reports. Default: the current time.",
        };

        // Only the names are values, in any case: the parser's own enum parsing also takes numbers ("--format 7") and flag
        // combinations ("table,json"), and words its errors with .NET type names over several lines.
        format.CustomParser = result => NameOf<OutputFormat>(result, "--format") ?? default;
        format.HelpName = Names<OutputFormat>("|");
        minVerdict.CustomParser = result => NameOf<Verdict>(result, "--min-verdict");
        minVerdict.HelpName = Names<Verdict>("|");

        Option[] options = [format, output, config, minVerdict, now];

        // The parser hands a word it does not know to PATH, so "--bogus" would be reported as a missing export. A path
        // that starts with a dash and exists is still a path.
        path.Validators.Add(result =>
        {
            var given = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (given.StartsWith('-') && !File.Exists(given) && !Directory.Exists(given))
            {
                result.AddError($"{given} is neither an option of triage nor a file or folder that exists; the options are {string.Join(", ", options[..^1].Select(o => o.Name))} and {options[^1].Name}.");
            }
        });

        var triage = new Command("triage", "Judge every pending invitation and every connection of a LinkedIn data export, and say who to decline, review or disconnect, and why.")
        {
            path,
        };
        foreach (var option in options)
        {
            triage.Options.Add(option);
        }

        triage.SetAction((parseResult, cancellationToken) => TriageAsync(
            context,
            new TriageOptions(
                parseResult.GetValue(path),
                parseResult.GetValue(format),
                parseResult.GetValue(output)?.FullName,
                parseResult.GetValue(config)?.FullName,
                parseResult.GetValue(minVerdict),
                parseResult.GetValue(now)),
            cancellationToken));

        return new RootCommand("connection-rules: judge LinkedIn connection requests the way analyzers judge code.") { triage };
    }

    private static TEnum? NameOf<TEnum>(System.CommandLine.Parsing.ArgumentResult result, string option)
        where TEnum : struct, Enum
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        result.AddError($"{option} '{text}' is not one of {Names<TEnum>(", ")}.");
        return null;
    }

    // In the enum's order, which for verdicts is from the mildest to the worst.
    private static string Names<TEnum>(string separator)
        where TEnum : struct, Enum =>
        string.Join(separator, Enum.GetNames<TEnum>().Select(name => name.ToLowerInvariant()));

    private static string Extension(OutputFormat format) => format switch
    {
        OutputFormat.Json => ".json",
        OutputFormat.Sarif => ".sarif",
        _ => ".txt",
    };

    // ISO 8601 only: "10/01/2025" would be October in one country and January in another.
    // A space may stand for the T, as in the timestamps the diagnostics print ("2026-03-06 14:00:00 +00:00").
    private static readonly string[] IsoInstants =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss zzz",
    ];

    private sealed record TriageOptions(string? Path, OutputFormat Format, string? Output, string? Config, Verdict? MinVerdict, string? Now);

    private static async Task<int> TriageAsync(CliContext context, TriageOptions options, CancellationToken cancellationToken)
    {
        var error = context.Error;
        if (options.Path is { } given && string.IsNullOrWhiteSpace(given))
        {
            await PrintAsync(error, "error: the export path is empty; give the folder you extracted from LinkedIn, or the .zip file itself.").ConfigureAwait(false);
            return UnusableInput;
        }

        if (options.Output is { } target && Directory.Exists(target))
        {
            await PrintAsync(error, $"error: --output {target} is a folder; give the path of the file to write, such as {Path.Combine(target, "report" + Extension(options.Format))}.").ConfigureAwait(false);
            return UnusableInput;
        }

        TimeProvider time = context.Time;
        if (options.Now is { } nowText)
        {
            if (!DateTimeOffset.TryParseExact(nowText.Trim(), IsoInstants, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                await PrintAsync(error, $"error: --now \"{nowText}\" is not an ISO 8601 date and time; write it like 2025-10-01 or 2025-10-01T09:30:00Z.").ConfigureAwait(false);
                return UnusableInput;
            }

            time = new FixedTimeProvider(instant);
        }

        RuleEngine engine;
        try
        {
            engine = EngineFactory.Create(options.Config, time);
        }
        catch (UnusableConfigurationException exception)
        {
            foreach (var problem in exception.Problems)
            {
                await PrintAsync(error, $"error: {problem}").ConfigureAwait(false);
            }

            return UnusableInput;
        }

        var exportPath = options.Path ?? context.SampleExport;
        if (options.Path is null && !Directory.Exists(exportPath))
        {
            await PrintAsync(error, $"error: the sample export is not installed beside the tool (looked for {exportPath}); give the path of your export.").ConfigureAwait(false);
            return UnusableInput;
        }

        var warnings = new List<ExportWarning>();
        ExportContent content;
        List<TriageItem> items;
        IReadOnlyList<Evaluation> evaluations;
        try
        {
            using var source = ExportSource.Open(exportPath);
            // The terminal shows the progress also while the report goes to a file: it is cleared when done.
            var showProgress = context.Interactive && LinkedInExportReader.SizeOf(source) >= ProgressThreshold;
            (content, items, evaluations) = showProgress
                ? await WithProgressAsync(CreateConsole(context.Out, interactive: true, context.Width), source, engine, warnings.Add, cancellationToken).ConfigureAwait(false)
                : Triage(source, engine, warnings.Add, null, cancellationToken);
        }
        catch (UnusableExportException exception)
        {
            await PrintWarningsAsync(error, warnings).ConfigureAwait(false);
            await PrintAsync(error, $"error: {exception.Message}").ConfigureAwait(false);
            return UnusableInput;
        }

        await PrintWarningsAsync(error, warnings).ConfigureAwait(false);
        var results = new TriageResult[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            results[i] = new TriageResult(items[i], evaluations[i]);
        }

        var report = new TriageReport
        {
            Export = exportPath,
            IsSample = options.Path is null,
            Content = content,
            EvaluatedAt = time.GetUtcNow(),
            Rules = engine.Rules,
            Severities = engine.Rules.ToDictionary(r => r.Id, r => engine.GetSeverity(r.Id), StringComparer.Ordinal),
            Results = TriageReport.WorstFirst(results),
            Warnings = warnings,
            MinVerdict = options.MinVerdict ?? (options.Format == OutputFormat.Table ? Verdict.Review : Verdict.Accept),
        };

        try
        {
            await WriteReportAsync(context, options, report).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await PrintAsync(error, $"error: cannot write {options.Output ?? "the report"}: {exception.Message}").ConfigureAwait(false);
            return UnusableInput;
        }

        return Success;
    }

    private static (ExportContent Content, List<TriageItem> Items, IReadOnlyList<Evaluation> Evaluations) Triage(
        ExportSource source,
        RuleEngine engine,
        Action<ExportWarning> warn,
        IProgress<ReadProgress>? progress,
        CancellationToken cancellationToken)
    {
        var content = LinkedInExportReader.Read(source, warn, progress);
        var items = RequestFactory.Create(content);
        progress?.Report(new ReadProgress("Evaluating", 0, 1));
        var evaluations = engine.EvaluateMany(items.ConvertAll(item => item.Request), cancellationToken);
        progress?.Report(new ReadProgress("Evaluating", 1, 1));
        return (content, items, evaluations);
    }

    private static async Task<(ExportContent, List<TriageItem>, IReadOnlyList<Evaluation>)> WithProgressAsync(
        IAnsiConsole console,
        ExportSource source,
        RuleEngine engine,
        Action<ExportWarning> warn,
        CancellationToken cancellationToken)
    {
        return await console.Progress().AutoClear(true).StartAsync(async progressContext =>
        {
            var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
            var progress = new Progress<ReadProgress>(report =>
            {
                if (!tasks.TryGetValue(report.Stage, out var task))
                {
                    foreach (var earlier in tasks.Values)
                    {
                        earlier.Value = earlier.MaxValue;
                    }

                    task = tasks[report.Stage] = progressContext.AddTask(report.Stage, maxValue: Math.Max(1, report.Total));
                }

                task.Value = report.Done;
            });

            // Reading is synchronous work; on the thread pool it leaves the display free to refresh.
            var result = await Task.Run(() => Triage(source, engine, warn, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
            foreach (var task in tasks.Values)
            {
                task.Value = task.MaxValue;
            }

            return result;
        }).ConfigureAwait(false);
    }

    private static async Task WriteReportAsync(CliContext context, TriageOptions options, TriageReport report)
    {
        if (options.Format == OutputFormat.Table)
        {
            if (options.Output is { } file)
            {
                await using var writer = new StreamWriter(file, append: false, new UTF8Encoding(false));
                TableReportWriter.Write(report, CreateConsole(writer, interactive: false, context.Width));
            }
            else
            {
                TableReportWriter.Write(report, CreateConsole(context.Out, context.Interactive, context.Width));
            }

            return;
        }

        Action<TriageReport, Stream> write = options.Format == OutputFormat.Json ? JsonReportWriter.Write : SarifReportWriter.Write;
        if (options.Output is { } path)
        {
            await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            write(report, stream);
        }
        else if (context.OpenStandardOutput is { } open)
        {
            await context.Out.FlushAsync().ConfigureAwait(false);
            await using var stream = open();
            write(report, stream);
            await stream.WriteAsync("\n"u8.ToArray()).ConfigureAwait(false);
        }
        else
        {
            using var buffer = new MemoryStream();
            write(report, buffer);
            await context.Out.WriteLineAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
        }
    }

    /// <summary>A console that colours only for a person at a terminal: redirected output and files get plain text.</summary>
    private static IAnsiConsole CreateConsole(TextWriter writer, bool interactive, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = true;
        return console;
    }

    private static async Task PrintWarningsAsync(TextWriter error, List<ExportWarning> warnings)
    {
        foreach (var warning in warnings.Take(MaxPrintedWarnings))
        {
            await PrintAsync(error, $"warning: {warning}").ConfigureAwait(false);
        }

        if (warnings.Count > MaxPrintedWarnings)
        {
            await PrintAsync(error, $"warning: {warnings.Count - MaxPrintedWarnings} more warnings; --format json or sarif lists every one.").ConfigureAwait(false);
        }
    }

    // Errors and warnings quote the export's values, the configuration's and the command line's: none may steer the terminal.
    private static Task PrintAsync(TextWriter error, string line) => error.WriteLineAsync(TerminalText.Printable(line));

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
