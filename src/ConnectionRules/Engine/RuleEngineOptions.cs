namespace ConnectionRules;

/// <summary>
/// The tunables of the recommended rules, edited through <see cref="RuleEngineBuilder.Configure"/>.
/// Read-only once the engine is built: the engine's <see cref="RuleEngine.Options"/> throws on any change.
/// </summary>
public sealed class RuleEngineOptions
{
    /// <summary>The largest <see cref="RepeatedMessageCount"/>: CR2004 compares each sender message with the 31 sender messages before it.</summary>
    public const int MaxRepeatedMessageCount = 32;

    private TimeSpan _pitchWindow = TimeSpan.FromHours(72);
    private TimeSpan _youngAccountAge = TimeSpan.FromDays(30);
    private int _fewConnections = 10;
    private int _massInvitationsPerWeek = 100;
    private int _massConnectionCount = 10_000;
    private int _repeatedMessageCount = 3;
    private int _unansweredMessageCount = 4;

    /// <summary>Gets or sets how long after acceptance a pitch counts as connect-and-sell (CR2001). Default 72 hours.</summary>
    /// <exception cref="InvalidOperationException">The options belong to a built engine.</exception>
    public TimeSpan PitchWindow { get => _pitchWindow; set => Set(ref _pitchWindow, value); }

    /// <summary>Gets or sets the account age below which an account counts as young (CR3001). Default 30 days.</summary>
    /// <exception cref="InvalidOperationException">The options belong to a built engine.</exception>
    public TimeSpan YoungAccountAge { get => _youngAccountAge; set => Set(ref _youngAccountAge, value); }

    /// <summary>Gets or sets the connection count below which a profile counts as nearly empty (CR3001). Default 10.</summary>
    /// <exception cref="InvalidOperationException">The options belong to a built engine.</exception>
    public int FewConnections { get => _fewConnections; set => Set(ref _fewConnections, value); }

    /// <summary>Gets or sets the weekly invitation count above which a sender is a mass inviter (CR3002). Default 100.</summary>
    /// <exception cref="InvalidOperationException">The options belong to a built engine.</exception>
    public int MassInvitationsPerWeek { get => _massInvitationsPerWeek; set => Set(ref _massInvitationsPerWeek, value); }

    /// <summary>Gets or sets the connection count from which a sender is a mass inviter (CR3002), 1 or more. Default 10,000.</summary>
    /// <exception cref="InvalidOperationException">The options belong to a built engine.</exception>
    public int MassConnectionCount { get => _massConnectionCount; set => Set(ref _massConnectionCount, value); }

    /// <summary>
    /// Gets or sets how many sender messages with the same or nearly the same text are repetitive (CR2004), from 2 to
    /// 32: each message is compared with the 31 sender messages before it. Default 3.
    /// </summary>
    /// <exception cref="InvalidOperationException">The options belong to a built engine.</exception>
    public int RepeatedMessageCount { get => _repeatedMessageCount; set => Set(ref _repeatedMessageCount, value); }

    /// <summary>Gets or sets how many sender messages in a row without a reply are repetitive (CR2004). Default 4.</summary>
    /// <exception cref="InvalidOperationException">The options belong to a built engine.</exception>
    public int UnansweredMessageCount { get => _unansweredMessageCount; set => Set(ref _unansweredMessageCount, value); }

    /// <summary>Gets a value indicating whether these options belong to a built engine and can no longer change.</summary>
    public bool IsReadOnly { get; private set; }

    internal RuleEngineOptions FrozenCopy()
    {
        var copy = (RuleEngineOptions)MemberwiseClone();
        copy.IsReadOnly = true;
        return copy;
    }

    internal void Validate(List<string> errors)
    {
        if (PitchWindow < TimeSpan.Zero)
        {
            errors.Add($"Options.PitchWindow is {PitchWindow:c}: a window cannot be negative; use a positive duration such as 2.00:00:00.");
        }

        if (YoungAccountAge < TimeSpan.Zero)
        {
            errors.Add($"Options.YoungAccountAge is {YoungAccountAge:c}: an age cannot be negative.");
        }

        AtLeast(errors, nameof(FewConnections), FewConnections, 0);
        AtLeast(errors, nameof(MassInvitationsPerWeek), MassInvitationsPerWeek, 0);
        // At 0 every sender whose count is known would be a mass inviter.
        AtLeast(errors, nameof(MassConnectionCount), MassConnectionCount, 1);
        Between(errors, nameof(RepeatedMessageCount), RepeatedMessageCount, 2, MaxRepeatedMessageCount);
        AtLeast(errors, nameof(UnansweredMessageCount), UnansweredMessageCount, 2);
    }

    private static void AtLeast(List<string> errors, string name, int value, int minimum)
    {
        if (value < minimum)
        {
            errors.Add($"Options.{name} is {value}: it must be {minimum} or more.");
        }
    }

    private static void Between(List<string> errors, string name, int value, int minimum, int maximum)
    {
        if (value < minimum || value > maximum)
        {
            errors.Add($"Options.{name} is {value}: it must be from {minimum} to {maximum}.");
        }
    }

    private void Set<T>(ref T field, T value)
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException("These options belong to a built RuleEngine and are read-only; change them in RuleEngineBuilder.Configure before Build().");
        }

        field = value;
    }
}
