namespace ConnectionRules.Cli.Export;

/// <summary>
/// Profile URLs as join keys. The files of one export write the same profile differently: <c>https://www.linkedin.com/in/ann-lee</c>
/// in Connections.csv, <c>www.linkedin.com/in/Ann-Lee/</c> in Endorsement_Received_Info.csv. The key drops the scheme,
/// <c>www.</c> and LinkedIn's other host prefixes (<c>m.</c> for mobile, <c>de.</c> and other country sites), the query, the
/// fragment, trailing slashes and anything after the profile's own segment (<c>/in/ann-lee/details/skills</c>), decodes
/// percent escapes, and ignores case.
/// </summary>
internal static class ProfileUrl
{
    private const string LinkedInHost = "linkedin.com";
    private const string ProfilePath = LinkedInHost + "/in/";

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

        // A scheme-relative URL (//www.linkedin.com/in/...).
        text = text.TrimStart('/');
        var end = text.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            text = text[..end];
        }

        if (text.Contains('%', StringComparison.Ordinal))
        {
            // Never throws: a malformed escape stays as written, and the key is still stable.
            text = Uri.UnescapeDataString(text);
        }

        text = text.Trim().TrimEnd('/').Trim().ToLowerInvariant();
        if (text.StartsWith("www.", StringComparison.Ordinal))
        {
            text = text[4..];
        }

        // m.linkedin.com (mobile), de.linkedin.com, uk.linkedin.com: one site, one profile.
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var host = slash < 0 ? text : text[..slash];
        if (host.EndsWith("." + LinkedInHost, StringComparison.Ordinal))
        {
            text = LinkedInHost + text[host.Length..];
        }

        // A link into a profile (/in/ann-lee/details/skills, /in/ann-lee/de) is the profile.
        if (text.StartsWith(ProfilePath, StringComparison.Ordinal))
        {
            var next = text.IndexOf('/', ProfilePath.Length);
            if (next > ProfilePath.Length)
            {
                text = text[..next];
            }
        }

        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// Returns whether a join key is a public profile URL (<c>linkedin.com/in/ann-lee</c>) rather than one built on a member
    /// id (<c>linkedin.com/in/ACoAAB...</c>, as messages may write them) or a name key: two different public profile URLs
    /// are two different people, whatever their names.
    /// </summary>
    public static bool IsPublicProfile(string? key)
    {
        if (key is null || !key.StartsWith(ProfilePath, StringComparison.Ordinal) || key.Length == ProfilePath.Length)
        {
            return false;
        }

        var slug = key.AsSpan(ProfilePath.Length);
        return !slug.StartsWith("acoa", StringComparison.Ordinal) && !slug.StartsWith("aema", StringComparison.Ordinal);
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
