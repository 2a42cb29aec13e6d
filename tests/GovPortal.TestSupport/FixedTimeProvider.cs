namespace GovPortal.Tests.Support;

/// <summary>A clock that says what the test tells it, so that nothing depends on when the test runs.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
