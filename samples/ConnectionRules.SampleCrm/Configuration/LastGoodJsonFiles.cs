using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration.Json;

namespace ConnectionRules.SampleCrm.Configuration;

/// <summary>
/// JSON settings files that keep their last good content when a save leaves them malformed. .NET's own JSON provider
/// drops every key of a file it cannot parse on reload, and says nothing: the rule engine keeps running as it was, but
/// the next reload of any other source rebuilds it on defaults. These providers report the failure and keep what they
/// had, so that fixing the file and saving it again is all it takes.
/// </summary>
internal static partial class LastGoodJsonFiles
{
    /// <summary>Replaces every JSON file source that reloads on change; failed reloads are logged to <paramref name="logger"/> once it is set.</summary>
    /// <param name="sources">The configuration's sources, such as <c>builder.Configuration.Sources</c>.</param>
    /// <returns>Where to set the logger once the host is built.</returns>
    public static Failures Use(IList<IConfigurationSource> sources)
    {
        var failures = new Failures();
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { ReloadOnChange: true, Path: { } path } json and not Source)
            {
                sources[i] = new Source(failures)
                {
                    FileProvider = json.FileProvider,
                    Path = path,
                    Optional = json.Optional,
                    ReloadOnChange = true,
                    ReloadDelay = json.ReloadDelay,
                    OnLoadException = json.OnLoadException,
                };
            }
        }

        return failures;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "{Path} is not valid JSON ({Problem}); the service keeps the settings it had. Fix the file and save it again.")]
    private static partial void Malformed(ILogger logger, string path, string problem);

    /// <summary>
    /// Where failed reloads go: the files whose last save is malformed, for the health check, and the log, from when
    /// <see cref="Logger"/> is set, since the host is built after its configuration.
    /// </summary>
    public sealed class Failures
    {
        private readonly ConcurrentDictionary<string, string> _malformed = new(StringComparer.Ordinal);

        /// <summary>Gets or sets the logger that failed reloads are written to.</summary>
        public ILogger? Logger { get; set; }

        /// <summary>Gets the files whose last save is not valid JSON, with why, until a save of each loads again.</summary>
        public IReadOnlyDictionary<string, string> Malformed => _malformed;

        internal void Report(string path, FormatException exception)
        {
            var problem = exception.InnerException?.Message ?? exception.Message;
            _malformed[path] = problem;
            if (Logger is { } logger)
            {
                LastGoodJsonFiles.Malformed(logger, path, problem);
            }
        }

        internal void Loaded(string path) => _malformed.TryRemove(path, out _);
    }

    private sealed class Source(Failures failures) : JsonConfigurationSource
    {
        public override IConfigurationProvider Build(IConfigurationBuilder builder)
        {
            EnsureDefaults(builder);
            return new Provider(this, failures);
        }
    }

    private sealed class Provider(Source source, Failures failures) : JsonConfigurationProvider(source)
    {
        private bool _loaded;

        // The first load, at start-up, still fails the host; after it (also when an optional file was missing then), a
        // malformed file keeps the data it had.
        public override void Load()
        {
            base.Load();
            _loaded = true;
        }

        public override void Load(Stream stream)
        {
            var path = source.Path ?? "(unnamed JSON file)";
            try
            {
                base.Load(stream);
                failures.Loaded(path);
            }
            catch (FormatException exception) when (_loaded)
            {
                failures.Report(path, exception);
            }
        }
    }
}
