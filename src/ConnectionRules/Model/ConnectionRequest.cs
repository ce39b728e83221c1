namespace ConnectionRules;

/// <summary>
/// A connection request between two members of a professional network, pending or already accepted,
/// with everything a rule may look at. A nullable fact is <see langword="null"/> when the caller does not know it,
/// and no built-in rule treats an unknown fact as evidence.
/// </summary>
public sealed record ConnectionRequest
{
    /// <summary>Gets the caller's identifier of the request; it is echoed in <see cref="Evaluation.RequestId"/>.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the member who sent the request.</summary>
    public required MemberProfile Sender { get; init; }

    /// <summary>Gets the member who received the request, when known.</summary>
    public MemberProfile? Recipient { get; init; }

    /// <summary>Gets the personal note that came with the request, if any.</summary>
    public string? Note { get; init; }

    /// <summary>Gets when the request was sent.</summary>
    public required DateTimeOffset SentAt { get; init; }

    /// <summary>Gets when the request was accepted; <see langword="null"/> while it is pending.</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>Gets a value indicating whether the recipient has met the sender in person.</summary>
    public bool KnownOffline { get; init; }

    /// <summary>Gets the number of connections the two members share, when known.</summary>
    public int? MutualConnections { get; init; }

    /// <summary>Gets the name of a shared first-degree connection who introduced the two members, if any.</summary>
    public string? IntroducedBy { get; init; }

    /// <summary>Gets the messages exchanged between the two members, oldest first.</summary>
    public IReadOnlyList<Message> Messages { get; init; } = [];

    /// <summary>Gets the endorsements the sender gave the recipient, oldest first.</summary>
    public IReadOnlyList<Endorsement> Endorsements { get; init; } = [];
}
