using System.ComponentModel.DataAnnotations;

namespace WorkflowRules.Host.Events;

/// <summary>
/// Settings of section <c>Intake</c>: how many posted events this host decides and stores at once, and how many more
/// wait their turn. Past both, a post is refused with 503 and Retry-After instead of piling onto the database.
/// </summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>
    /// Events decided and stored at the same time. Each spends most of its time waiting on PostgreSQL round trips,
    /// so several per core keep the cores busy. Without a bound, a short stall under a steady stream let in-flight
    /// posts climb to the connection pool's 100, and opening those connections (and warming their backends) cost more
    /// than the stall: latency at half the machine's rate went from milliseconds to seconds and stayed there for
    /// seconds after. Four per core was measured too and made intake slower (README, "Performance").
    /// </summary>
    [Range(1, 1024)]
    public int ConcurrentRequests { get; set; } = DefaultConcurrentRequests;

    /// <summary>The default <see cref="ConcurrentRequests"/>: eight per core.</summary>
    public static int DefaultConcurrentRequests => Environment.ProcessorCount * 8;

    /// <summary>Posts that wait, oldest first, for one of the <see cref="ConcurrentRequests"/>; 0 = refuse at once.</summary>
    [Range(0, 100_000)]
    public int QueueLimit { get; set; } = 5_000;
}
