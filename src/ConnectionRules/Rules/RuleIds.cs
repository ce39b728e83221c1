namespace ConnectionRules;

/// <summary>
/// The ids of the built-in rules. An id is stable forever once shipped: a retired id stays here as a comment
/// and is never reused.
/// </summary>
public static class RuleIds
{
    /// <summary>CR0001: a rule threw an exception.</summary>
    public const string RuleFailure = "CR0001";

    /// <summary>CR0002: the request's own data is inconsistent.</summary>
    public const string InconsistentRequest = "CR0002";

    /// <summary>CR1001: a pending request has no personal note.</summary>
    public const string MissingNote = "CR1001";

    /// <summary>CR1002: a pending request comes from a stranger.</summary>
    public const string Stranger = "CR1002";

    /// <summary>CR1003: the note of a pending request is a sales pitch.</summary>
    public const string PitchInNote = "CR1003";

    /// <summary>CR2001: connect-and-sell, a pitch soon after the request was accepted.</summary>
    public const string ConnectAndSell = "CR2001";

    /// <summary>CR2002: bait-and-switch, an invitation in the note followed by a pitch.</summary>
    public const string BaitAndSwitch = "CR2002";

    /// <summary>CR2003: endorsement quid-pro-quo.</summary>
    public const string EndorsementQuidProQuo = "CR2003";

    /// <summary>CR2004: repetitive messaging.</summary>
    public const string RepetitiveMessaging = "CR2004";

    /// <summary>CR3001: a likely fake or bought profile.</summary>
    public const string FakeProfile = "CR3001";

    /// <summary>CR3002: a mass inviter.</summary>
    public const string MassInviter = "CR3002";

    /// <summary>CR3003: a self-declared open networker.</summary>
    public const string OpenNetworker = "CR3003";

    /// <summary>The format of the built-in rules' help links; <c>{0}</c> is the rule id.</summary>
    public const string HelpLinkFormat = "https://github.com/connection-rules/connection-rules/blob/main/docs/rules/{0}.md";

    /// <summary>Returns the help link of a built-in rule.</summary>
    internal static string HelpLink(string id) => HelpLinkFormat.Replace("{0}", id, StringComparison.Ordinal);
}
