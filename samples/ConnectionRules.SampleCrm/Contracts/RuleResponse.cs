namespace ConnectionRules.SampleCrm.Contracts;

/// <summary>A rule in effect, as <c>GET /rules</c> lists it.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Title">The rule's title.</param>
/// <param name="Category">The rule's category, the key of category-level settings.</param>
/// <param name="Severity">The effective severity, after configuration.</param>
/// <param name="DefaultSeverity">The severity the rule has when nothing is configured.</param>
/// <param name="HelpLink">The rule's documentation page, or null.</param>
internal sealed record RuleResponse(string Id, string Title, string Category, Severity Severity, Severity DefaultSeverity, string? HelpLink)
{
    public static RuleResponse From(RuleDescriptor descriptor, Severity severity) =>
        new(descriptor.Id, descriptor.Title, descriptor.Category, severity, descriptor.DefaultSeverity, descriptor.HelpLinkUri);
}
