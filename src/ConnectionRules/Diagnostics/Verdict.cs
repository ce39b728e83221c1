namespace ConnectionRules;

/// <summary>What to do with a connection request, or with a connection once the request was accepted.</summary>
public enum Verdict
{
    /// <summary>Accept the pending request, or keep the accepted connection.</summary>
    Accept,

    /// <summary>A person should look at the request or connection before deciding.</summary>
    Review,

    /// <summary>Decline the pending request.</summary>
    Decline,

    /// <summary>Remove the accepted connection.</summary>
    Disconnect,
}
