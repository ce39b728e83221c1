namespace ConnectionRules;

/// <summary>The severity words of configuration, the analyzer vocabulary of <c>.editorconfig</c>.</summary>
internal enum SeverityWord
{
    /// <summary><c>none</c>: the rule, or every rule of the category, is off.</summary>
    None,

    /// <summary><c>silent</c> or <c>hidden</c>.</summary>
    Hidden,

    /// <summary><c>suggestion</c> or <c>info</c>.</summary>
    Info,

    /// <summary><c>warning</c>.</summary>
    Warning,

    /// <summary><c>error</c>.</summary>
    Error,

    /// <summary><c>default</c>: the descriptor's own severity and enabled state.</summary>
    Default,
}

/// <summary>Parses severity words.</summary>
internal static class SeverityWords
{
    /// <summary>The accepted words, for error messages.</summary>
    public const string Expected = "none, silent, suggestion, warning, error, default (or hidden, info)";

    public static bool TryParse(string? text, out SeverityWord word)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "NONE":
                word = SeverityWord.None;
                return true;
            case "SILENT" or "HIDDEN":
                word = SeverityWord.Hidden;
                return true;
            case "SUGGESTION" or "INFO":
                word = SeverityWord.Info;
                return true;
            case "WARNING":
                word = SeverityWord.Warning;
                return true;
            case "ERROR":
                word = SeverityWord.Error;
                return true;
            case "DEFAULT":
                word = SeverityWord.Default;
                return true;
            default:
                word = default;
                return false;
        }
    }

    /// <summary>The severity a word sets; only for the words that name one.</summary>
    public static Severity ToSeverity(SeverityWord word) => word switch
    {
        SeverityWord.Hidden => Severity.Hidden,
        SeverityWord.Info => Severity.Info,
        SeverityWord.Warning => Severity.Warning,
        SeverityWord.Error => Severity.Error,
        _ => throw new ArgumentOutOfRangeException(nameof(word), word, "This word names no severity."),
    };
}
