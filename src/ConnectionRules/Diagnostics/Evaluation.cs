using System.Text;

namespace ConnectionRules;

/// <summary>
/// The outcome of evaluating one request: the verdict and the diagnostics that explain it.
/// A value type, so that a clean evaluation allocates nothing.
/// </summary>
public readonly struct Evaluation : IEquatable<Evaluation>
{
    private readonly Diagnostic[]? _diagnostics;

    /// <summary>Initializes an evaluation.</summary>
    /// <param name="requestId">The id of the evaluated request.</param>
    /// <param name="verdict">The verdict.</param>
    /// <param name="diagnostics">The diagnostics, in the order of <see cref="Diagnostics"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> or <paramref name="diagnostics"/> is null.</exception>
    public Evaluation(string requestId, Verdict verdict, IEnumerable<Diagnostic> diagnostics)
        : this(requestId, verdict, (diagnostics ?? throw new ArgumentNullException(nameof(diagnostics))).ToArray(), true)
    {
    }

    internal Evaluation(string requestId, Verdict verdict, Diagnostic[] diagnostics, bool _)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        RequestId = requestId;
        Verdict = verdict;
        _diagnostics = diagnostics;
    }

    /// <summary>Gets the id of the evaluated request.</summary>
    public string RequestId { get; }

    /// <summary>Gets the verdict.</summary>
    public Verdict Verdict { get; }

    /// <summary>Gets the diagnostics, suppressed ones included, ordered by severity (worst first), then rule id, then location (indexes as numbers: messages[2] before messages[10]), then the order they were reported in.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics ?? [];

    /// <summary>Explains the verdict in a few lines: the verdict, then one line per diagnostic.</summary>
    /// <returns>The explanation.</returns>
    public override string ToString()
    {
        var diagnostics = Diagnostics;
        var builder = new StringBuilder();
        builder.Append("Request ").Append(RequestId).Append(": ").Append(Verdict);
        if (diagnostics.Count == 0)
        {
            return builder.Append(" (no diagnostics)").ToString();
        }

        var suppressed = diagnostics.Count(d => d.IsSuppressed);
        builder.Append(" (").Append(diagnostics.Count).Append(diagnostics.Count == 1 ? " diagnostic" : " diagnostics");
        if (suppressed > 0)
        {
            builder.Append(", ").Append(suppressed).Append(" suppressed");
        }

        builder.Append(')');
        foreach (var diagnostic in diagnostics)
        {
            builder.AppendLine().Append("  ").Append(diagnostic.ToString());
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public bool Equals(Evaluation other) =>
        string.Equals(RequestId, other.RequestId, StringComparison.Ordinal)
        && Verdict == other.Verdict
        && Diagnostics.SequenceEqual(other.Diagnostics);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Evaluation other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RequestId, Verdict, Diagnostics.Count);

    /// <summary>Compares two evaluations for equality.</summary>
    /// <param name="left">The first evaluation.</param>
    /// <param name="right">The second evaluation.</param>
    /// <returns><see langword="true"/> when both are equal.</returns>
    public static bool operator ==(Evaluation left, Evaluation right) => left.Equals(right);

    /// <summary>Compares two evaluations for inequality.</summary>
    /// <param name="left">The first evaluation.</param>
    /// <param name="right">The second evaluation.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Evaluation left, Evaluation right) => !left.Equals(right);
}
