namespace ConnectionRules;

/// <summary>
/// One finding of a rule about one request: which rule, how serious after configuration, what it says,
/// where in the request, and whether a suppressor set it aside.
/// </summary>
public sealed class Diagnostic : IEquatable<Diagnostic>
{
    // The arguments of a lazily formatted message, which has at least one (a message that needs none is formatted at
    // once). One or two, nearly every report, are held here rather than in an array of their own, so that a diagnostic
    // that a batch keeps is one object less for the garbage collector to move; more are held in an array in _arg0.
    private readonly object? _arg0;
    private readonly object? _arg1;
    private readonly int _argCount;
    private string? _message;

    /// <summary>Initializes a diagnostic. Rules do not call this: they call <see cref="RuleContext.Report(string, object[])"/>.</summary>
    /// <param name="descriptor">The rule that reported it.</param>
    /// <param name="severity">The effective severity, after configuration.</param>
    /// <param name="message">The formatted message.</param>
    /// <param name="location">A camelCase path into the request (<c>note</c>, <c>messages[2]</c>), or <see langword="null"/>.</param>
    /// <param name="justification">The suppressor's justification when suppressed; <see langword="null"/> otherwise.</param>
    /// <exception cref="ArgumentNullException"><paramref name="descriptor"/> or <paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="severity"/> is not a defined value.</exception>
    public Diagnostic(RuleDescriptor descriptor, Severity severity, string message, string? location = null, string? justification = null)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(message);
        if (severity is < Severity.Hidden or > Severity.Error)
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, "Not a defined Severity.");
        }

        Descriptor = descriptor;
        Severity = severity;
        _message = message;
        Location = location;
        Justification = justification;
    }

    /// <summary>
    /// A diagnostic whose message is formatted from <paramref name="messageArgs"/> when it is first read, as Roslyn's
    /// diagnostics are: an application that only needs verdicts and ids never pays for the text. The arguments are
    /// immutable values (strings, numbers, dates), so the message is the same whenever it is formatted.
    /// </summary>
    /// <remarks>The arguments are copied: the caller may change its array afterwards.</remarks>
    internal Diagnostic(RuleDescriptor descriptor, Severity severity, ReadOnlySpan<object?> messageArgs, string? location, string? justification)
    {
        Descriptor = descriptor;
        Severity = severity;
        _argCount = messageArgs.Length;
        switch (messageArgs.Length)
        {
            case 1:
                _arg0 = messageArgs[0];
                break;
            case 2:
                _arg0 = messageArgs[0];
                _arg1 = messageArgs[1];
                break;
            default:
                _arg0 = messageArgs.ToArray();
                break;
        }

        Location = location;
        Justification = justification;
    }

    /// <summary>Gets the id of the rule that reported it.</summary>
    public string Id => Descriptor.Id;

    /// <summary>Gets the descriptor of the rule that reported it.</summary>
    public RuleDescriptor Descriptor { get; }

    /// <summary>Gets the effective severity, after configuration.</summary>
    public Severity Severity { get; }

    /// <summary>Gets the formatted message.</summary>
    public string Message => _message ??= _argCount switch
    {
        1 => Descriptor.FormatMessage([_arg0]),
        2 => Descriptor.FormatMessage([_arg0, _arg1]),
        _ => Descriptor.FormatMessage((object?[])_arg0!),
    };

    /// <summary>Gets a camelCase path into the request (<c>note</c>, <c>messages[2]</c>, <c>sender.connectionCount</c>), or <see langword="null"/> when the finding is about the request as a whole.</summary>
    public string? Location { get; }

    /// <summary>Gets a value indicating whether a suppressor set the diagnostic aside: it stays visible but no longer drives the verdict.</summary>
    public bool IsSuppressed => Justification is not null;

    /// <summary>Gets the suppressor's justification; <see langword="null"/> unless <see cref="IsSuppressed"/>.</summary>
    public string? Justification { get; }

    /// <summary>Returns one line: id, severity, message, location and suppression.</summary>
    /// <returns>The line, e.g. <c>CR1003 error: The note is a sales pitch ("quick demo") [note]</c>.</returns>
    public override string ToString()
    {
        var text = $"{Id} {SeverityText.Of(Severity)}: {Message}";
        if (Location is not null)
        {
            text += $" [{Location}]";
        }

        return IsSuppressed ? text + $" (suppressed: {Justification})" : text;
    }

    /// <inheritdoc />
    public bool Equals(Diagnostic? other) =>
        other is not null
        && Descriptor.Equals(other.Descriptor)
        && Severity == other.Severity
        && string.Equals(Message, other.Message, StringComparison.Ordinal)
        && string.Equals(Location, other.Location, StringComparison.Ordinal)
        && string.Equals(Justification, other.Justification, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Diagnostic);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Descriptor, Severity, Message, Location, Justification);
}
