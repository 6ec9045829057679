namespace Cases.Api.Tests.Infrastructure;

/// <summary>A clock the test sets; it never moves by itself.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset now = now;

    public override DateTimeOffset GetUtcNow() => now;

    // GetUtcNow must answer in UTC whatever offset a test states the instant in.
    public void Set(DateTimeOffset instant) => now = instant.ToUniversalTime();

    public void Advance(TimeSpan span) => now += span;
}
