namespace ConnectionRules;

/// <summary>CR3002: a mass inviter, who collects connections rather than knowing them.</summary>
internal sealed class MassInviterRule : ConnectionRule
{
    public static readonly RuleDescriptor Rule = new(
        id: RuleIds.MassInviter,
        title: "Mass inviter",
        messageFormat: "The sender invites en masse: {0}",
        category: RuleCategories.Authenticity,
        defaultSeverity: Severity.Warning,
        description: "More than 100 invitations sent last week, or 10,000 connections or more. Both thresholds are options.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.MassInviter));

    public override RuleDescriptor Descriptor => Rule;

    public override void Evaluate(RuleContext context)
    {
        var sender = context.Request.Sender;
        var options = context.Options;
        if (sender.InvitationsSentLastWeek is { } invitations && invitations > options.MassInvitationsPerWeek)
        {
            context.Report("sender.invitationsSentLastWeek", RuleText.Shared($"{invitations} invitations sent last week"));
        }
        else if (sender.ConnectionCount is { } connections && connections >= options.MassConnectionCount)
        {
            context.Report("sender.connectionCount", RuleText.Shared($"{connections} connections"));
        }
    }
}
