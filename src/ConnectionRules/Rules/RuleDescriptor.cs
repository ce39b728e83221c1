using System.Text;

namespace ConnectionRules;

/// <summary>
/// Describes a rule the way Roslyn's <c>DiagnosticDescriptor</c> describes an analyzer diagnostic: an id, a title,
/// a message format, a category, a default severity and documentation. Immutable, with value equality.
/// </summary>
public sealed class RuleDescriptor : IEquatable<RuleDescriptor>
{
    /// <summary>Initializes a descriptor and validates every field.</summary>
    /// <param name="id">The stable rule id: two or more capital letters, then three or more digits (<c>CR1001</c>, <c>ACME001</c>).</param>
    /// <param name="title">A short title.</param>
    /// <param name="messageFormat">The message, a composite format string filled by <see cref="RuleContext.Report(string, object[])"/>'s arguments.</param>
    /// <param name="category">The category, for category-level severity settings.</param>
    /// <param name="defaultSeverity">The severity when nothing is configured.</param>
    /// <param name="isEnabledByDefault">Whether the rule runs when nothing is configured.</param>
    /// <param name="description">A longer description, if any.</param>
    /// <param name="helpLinkUri">
    /// A link to the rule's documentation, if any: an absolute http, https or file URI, such as
    /// <c>https://example.com/rules/ACME001</c>, since reports (SARIF's <c>helpUri</c>) are read away from the code.
    /// <see cref="RuleEngineBuilder.Build"/> reports any other link, with every other problem.
    /// </param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">An argument is blank, the id is malformed, or the message format is not a valid composite format.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="defaultSeverity"/> is not a defined value.</exception>
    public RuleDescriptor(
        string id,
        string title,
        string messageFormat,
        string category,
        Severity defaultSeverity,
        bool isEnabledByDefault = true,
        string? description = null,
        string? helpLinkUri = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!IsValidId(id))
        {
            throw new ArgumentException($"Rule id '{id}' is malformed: an id is two or more capital letters followed by three or more digits, such as 'CR1001' or 'ACME001'.", nameof(id));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageFormat);
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        if (defaultSeverity is < Severity.Hidden or > Severity.Error)
        {
            throw new ArgumentOutOfRangeException(nameof(defaultSeverity), defaultSeverity, "Not a defined Severity.");
        }

        try
        {
            Format = CompositeFormat.Parse(messageFormat);

            // A message without placeholders is formatted once here, so reporting it allocates no new string.
            _literalMessage = Format.MinimumArgumentCount == 0
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, messageFormat, Array.Empty<object>())
                : null;
        }
        catch (FormatException exception)
        {
            throw new ArgumentException($"The message format of rule '{id}' is not a valid composite format string: {exception.Message} Double a literal brace ('{{{{' or '}}}}').", nameof(messageFormat), exception);
        }

        FormatsWhenReported = _literalMessage is not null || HasFormatString(messageFormat);
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        IsEnabledByDefault = isEnabledByDefault;
        Description = description;
        HelpLinkUri = helpLinkUri;
    }

    /// <summary>Gets the stable rule id.</summary>
    public string Id { get; }

    /// <summary>Gets the short title.</summary>
    public string Title { get; }

    /// <summary>Gets the message format.</summary>
    public string MessageFormat { get; }

    /// <summary>Gets the category.</summary>
    public string Category { get; }

    /// <summary>Gets the severity when nothing is configured.</summary>
    public Severity DefaultSeverity { get; }

    /// <summary>Gets a value indicating whether the rule runs when nothing is configured.</summary>
    public bool IsEnabledByDefault { get; }

    /// <summary>Gets the longer description, if any.</summary>
    public string? Description { get; }

    /// <summary>Gets the link to the rule's documentation, if any: in an engine, an absolute http, https or file URI (<see cref="RuleEngineBuilder.Build"/> refuses others).</summary>
    public string? HelpLinkUri { get; }

    private readonly string? _literalMessage;

    /// <summary>Gets the parsed message format.</summary>
    internal CompositeFormat Format { get; }

    /// <summary>Returns whether <paramref name="id"/> is a well-formed rule id: <c>^[A-Z]{2,}[0-9]{3,}$</c>.</summary>
    /// <param name="id">The id to check.</param>
    /// <returns><see langword="true"/> when the id is well-formed.</returns>
    public static bool IsValidId(string? id)
    {
        if (id is null)
        {
            return false;
        }

        var letters = 0;
        while (letters < id.Length && id[letters] is >= 'A' and <= 'Z')
        {
            letters++;
        }

        var digits = id.Length - letters;
        return letters >= 2 && digits >= 3 && id.AsSpan(letters).IndexOfAnyExceptInRange('0', '9') < 0;
    }

    /// <summary>
    /// Whether the text is a help link a report can carry: an absolute http, https or file URI written with its scheme
    /// (not a relative path, which a report read elsewhere cannot resolve, nor a bare path that .NET would read as a
    /// file URI), without white space or control characters.
    /// </summary>
    internal static bool IsHelpLink(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeFile)
        && text.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase)
        && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    // Whether a placeholder of a valid composite format has a format string: a colon before the brace that closes it.
    private static bool HasFormatString(string format)
    {
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '{')
            {
                continue;
            }

            if (i + 1 < format.Length && format[i + 1] == '{')
            {
                i++;
                continue;
            }

            var placeholder = format.AsSpan(i, format.IndexOf('}', i) - i);
            if (placeholder.Contains(':'))
            {
                return true;
            }

            i += placeholder.Length;
        }

        return false;
    }

    /// <summary>
    /// Formats the message with the given arguments, using the invariant culture. The engine checked their count with
    /// <see cref="CheckMessageArgs"/> when the rule reported them.
    /// </summary>
    internal string FormatMessage(ReadOnlySpan<object?> messageArgs)
    {
#if NET9_0_OR_GREATER
        return _literalMessage ?? string.Format(System.Globalization.CultureInfo.InvariantCulture, Format, messageArgs);
#else
        return _literalMessage ?? string.Format(System.Globalization.CultureInfo.InvariantCulture, Format, messageArgs.ToArray());
#endif
    }

    /// <summary>Throws when the arguments are fewer than the message format needs.</summary>
    internal void CheckMessageArgs(ReadOnlySpan<object?> messageArgs)
    {
        if (messageArgs.Length < Format.MinimumArgumentCount)
        {
            throw new ArgumentException(
                $"Rule {Id} reported {messageArgs.Length} message argument(s), but its message format \"{MessageFormat}\" needs {Format.MinimumArgumentCount}.",
                nameof(messageArgs));
        }
    }

    /// <summary>
    /// Gets whether a report's message is formatted when reported rather than when first read: when it needs no arguments
    /// (it is already made), or when a placeholder has a format string (<c>{0:N0}</c>), which can fail with the
    /// argument's type, so that the failure is the reporting rule's (CR0001) and not that of whoever reads the message.
    /// </summary>
    internal bool FormatsWhenReported { get; }

    /// <inheritdoc />
    public bool Equals(RuleDescriptor? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && string.Equals(Title, other.Title, StringComparison.Ordinal)
        && string.Equals(MessageFormat, other.MessageFormat, StringComparison.Ordinal)
        && string.Equals(Category, other.Category, StringComparison.Ordinal)
        && DefaultSeverity == other.DefaultSeverity
        && IsEnabledByDefault == other.IsEnabledByDefault
        && string.Equals(Description, other.Description, StringComparison.Ordinal)
        && string.Equals(HelpLinkUri, other.HelpLinkUri, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RuleDescriptor);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Title, MessageFormat, Category, DefaultSeverity, IsEnabledByDefault);

    /// <summary>Returns the id and the title.</summary>
    /// <returns>For example <c>CR1001: No personal note</c>.</returns>
    public override string ToString() => $"{Id}: {Title}";
}
