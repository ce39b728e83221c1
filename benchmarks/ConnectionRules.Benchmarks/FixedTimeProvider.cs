namespace ConnectionRules.Benchmarks;

/// <summary>A clock that always says the same time, so that every run judges the same requests the same way.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}
