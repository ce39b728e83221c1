namespace ConnectionRules.Extensions.Tests.Support;

/// <summary>A clock that says what the test tells it to.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
