using System.Diagnostics;

namespace ConnectionRules;

/// <summary>CR3001: a likely fake or bought profile, judged on the signals that are known.</summary>
internal sealed class FakeProfileRule : ConnectionRule
{
    public static readonly RuleDescriptor Rule = new(
        id: RuleIds.FakeProfile,
        title: "Likely fake or bought profile",
        messageFormat: "The sender's profile looks fake or bought: {0}",
        category: RuleCategories.Authenticity,
        defaultSeverity: Severity.Error,
        description: "At least two of: an account younger than 30 days, no photo, fewer than 10 connections. Each signal counts only when it is known; paid connection packages are made of such profiles.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.FakeProfile));

    public override RuleDescriptor Descriptor => Rule;

    public override void Evaluate(RuleContext context)
    {
        var sender = context.Request.Sender;
        var options = context.Options;
        var age = RequestFacts.AccountAge(sender, context.Now);
        var young = age < options.YoungAccountAge;
        var noPhoto = sender.HasPhoto == false;
        var few = sender.ConnectionCount < options.FewConnections;
        if ((young ? 1 : 0) + (noPhoto ? 1 : 0) + (few ? 1 : 0) < 2)
        {
            return;
        }

        // At least two of the three signals: four ways to say it.
        var connections = sender.ConnectionCount.GetValueOrDefault();
        var duration = young ? RuleText.Duration(age!.Value) : "";
        context.Report("sender", (young, noPhoto, few) switch
        {
            (true, true, true) => RuleText.Shared($"account {duration} old, no photo, {connections} connection(s)"),
            (true, true, false) => RuleText.Shared($"account {duration} old, no photo"),
            (true, false, true) => RuleText.Shared($"account {duration} old, {connections} connection(s)"),
            (false, true, true) => RuleText.Shared($"no photo, {connections} connection(s)"),
            _ => throw new UnreachableException("CR3001 reports only when at least two signals hold."),
        });
    }
}
