namespace WorkflowRules.Conditions.Tests.Lowering;

/// <summary>A clock that moves one second further at every read: any budget check that reads it twice finds the budget spent.</summary>
internal sealed class LeapingClock : TimeProvider
{
    private long _now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _now, TimeSpan.TicksPerSecond);
}
