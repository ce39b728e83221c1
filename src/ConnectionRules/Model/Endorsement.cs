namespace ConnectionRules;

/// <summary>An endorsement of one of the recipient's skills, given by the sender of the request.</summary>
/// <param name="At">When the endorsement was given.</param>
/// <param name="Skill">The endorsed skill.</param>
public sealed record Endorsement(DateTimeOffset At, string Skill);
