namespace ConnectionRules.Tests.Support;

/// <summary>What every rule owes its administrators: it can be turned off, and its severity can be changed.</summary>
public static class Configurability
{
    /// <summary>The rule reports on <paramref name="request"/>, and reports nothing once disabled.</summary>
    public static void DisableSilences(string id, ConnectionRequest request)
    {
        Assert.NotEmpty(Reports.Of(Requests.RecommendedEngine().Evaluate(request), id));
        Assert.Empty(Reports.Of(Requests.RecommendedEngine(b => b.Disable(id)).Evaluate(request), id));
    }

    /// <summary>The rule reports at <paramref name="defaultSeverity"/>, and at <paramref name="severity"/> once configured so.</summary>
    public static void SetSeverityReplaces(string id, ConnectionRequest request, Severity defaultSeverity, Severity severity)
    {
        Assert.Equal(defaultSeverity, Assert.Single(Requests.RecommendedEngine().Evaluate(request).Diagnostics, d => d.Id == id).Severity);
        Assert.Equal(severity, Assert.Single(Requests.RecommendedEngine(b => b.SetSeverity(id, severity)).Evaluate(request).Diagnostics, d => d.Id == id).Severity);
    }
}
