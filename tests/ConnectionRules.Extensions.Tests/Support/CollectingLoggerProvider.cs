using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ConnectionRules.Extensions.Tests.Support;

/// <summary>One log entry as a test sees it.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string EventName, string Message, Exception? Exception = null);

/// <summary>A logger provider that keeps every entry, at every level, for the test to read.</summary>
public sealed class CollectingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CollectingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider._entries.Enqueue(new LogEntry(category, logLevel, eventId.Name ?? "", formatter(state, exception), exception));
    }
}
