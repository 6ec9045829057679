namespace Cases.Workflows.Scheduling;

/// <summary>
/// Settings of the deadline timers, from the configuration section <c>Cases:Timers</c>. The
/// defaults suit production; tests shorten the intervals so they need not wait.
/// </summary>
public sealed class DeadlineTimerOptions
{
    public const string SectionName = "Cases:Timers";

    /// <summary>Whether this node runs the scheduler and schedules wake-ups at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often, in injected time, the safety-net sweep looks for due deadlines nothing woke up for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long, in real time, an idle scheduler waits before asking the database again. A wake-up
    /// scheduled on this node interrupts the wait; one scheduled on another node is that node's to fire.
    /// Quartz refuses less than one second.
    /// </summary>
    public TimeSpan IdleWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often, in real time, this node tells the cluster it is alive.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long, in injected time, past its last check-in another node waits before it takes a node
    /// for dead and recovers what it was firing.
    /// </summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How late a trigger may fire before it counts as missed and its misfire instruction decides
    /// (a wake-up fires at once, the sweep skips to its next turn). Also how often missed triggers are looked for.
    /// </summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many jobs run at once on this node: wake-ups and sweeps are short and mostly wait on the database.</summary>
    public int ThreadCount { get; set; } = 4;

    /// <summary>How many due deadlines one wake-up or sweep takes effect on at once, each in its own transaction.</summary>
    public int Parallelism { get; set; } = 2 * Environment.ProcessorCount;
}
