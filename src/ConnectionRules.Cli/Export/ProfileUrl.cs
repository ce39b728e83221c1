namespace ConnectionRules.Cli.Export;

/// <summary>
/// Profile URLs as join keys. The files of one export write the same profile differently: <c>https://www.linkedin.com/in/ann-lee</c>
/// in Connections.csv, <c>www.linkedin.com/in/Ann-Lee/</c> in Endorsement_Received_Info.csv. The key drops the scheme,
/// <c>www.</c>, the query, the fragment and trailing slashes, decodes percent escapes, and ignores case.
/// </summary>
internal static class ProfileUrl
{
    /// <summary>Returns the join key of a profile URL, or <see langword="null"/> when there is no URL.</summary>
    public static string? Key(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var text = url.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }

        var end = text.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            text = text[..end];
        }

        text = text.TrimEnd('/');
        if (text.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..];
        }

        if (text.Contains('%', StringComparison.Ordinal))
        {
            try
            {
                text = Uri.UnescapeDataString(text);
            }
            catch (UriFormatException)
            {
                // A malformed escape stays as written; the key is still stable.
            }
        }

        text = text.Trim().ToLowerInvariant();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Returns the join key of a full name: trimmed, inner white space collapsed, case ignored.</summary>
    public static string? NameKey(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        return string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }
}
