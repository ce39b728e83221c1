namespace ConnectionRules;

/// <summary>What is known about a member of the network. Every nullable fact is <see langword="null"/> when unknown.</summary>
public sealed record MemberProfile
{
    /// <summary>Gets the member's display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the member's headline (the line under the name), when known.</summary>
    public string? Headline { get; init; }

    /// <summary>Gets the member's number of first-degree connections, when known.</summary>
    public int? ConnectionCount { get; init; }

    /// <summary>Gets when the member's account was created, when known.</summary>
    public DateTimeOffset? MemberSince { get; init; }

    /// <summary>Gets a value indicating whether the profile has a photo, when known.</summary>
    public bool? HasPhoto { get; init; }

    /// <summary>Gets the names of the groups the member belongs to.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Gets how many invitations the member sent during the last seven days, when known.</summary>
    public int? InvitationsSentLastWeek { get; init; }
}
