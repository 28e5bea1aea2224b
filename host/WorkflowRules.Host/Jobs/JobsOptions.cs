using System.ComponentModel.DataAnnotations;

namespace WorkflowRules.Host.Jobs;

/// <summary>Settings of section <c>Jobs</c>: Hangfire tuned for a responsive engine rather than its long-lived-server defaults.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Hangfire workers in this process (0 = no Hangfire server here: an API-only host).</summary>
    [Range(0, 256)]
    public int WorkerCount { get; set; } = DefaultWorkerCount;

    /// <summary>The default <see cref="WorkerCount"/>: responses mostly wait on the database and on plugins' I/O.</summary>
    public static int DefaultWorkerCount => Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>
    /// The most instances the dispatcher hands to one Hangfire job when rows wait in the outbox (1 = a job per
    /// instance). Several per job share Hangfire's cost per job; a lone row still gets a job of its own at once.
    /// </summary>
    [Range(1, 100)]
    public int InstancesPerJob { get; set; } = 10;

    /// <summary>
    /// After dispatching rows, how long the dispatcher lets new rows gather before it claims again (unasked, until a
    /// claim finds none). Rows that arrive while it is idle go out at once; under steady intake each claim then holds
    /// this long's worth of rows, so they share jobs (an enqueue costs Hangfire about as much as an event's whole
    /// intake). 0 = claim again at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan OutboxGatherDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How often an idle worker polls the queue when long polling does not wake it first.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Wake idle workers through PostgreSQL LISTEN/NOTIFY. Off by default: Hangfire.PostgreSql does not re-open
    /// its listener after the connection drops (a PostgreSQL restart), and jobs then wait for the invisibility
    /// timeout (hangfire-postgres/Hangfire.PostgreSql#410). Without it, a job enqueued by this process wakes a
    /// worker at once and one enqueued by another process waits at most <see cref="QueuePollInterval"/>.
    /// </summary>
    public bool EnableLongPolling { get; set; }

    /// <summary>How often delayed jobs (escalations) are checked for being due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a fetched job stays invisible to other workers. A live worker keeps extending it (sliding
    /// invisibility), so it bounds only how long the jobs of a process that died wait before another picks them up.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often an idle dispatcher looks for outbox rows it was not told about: rows a crash left undispatched, and
    /// rows of an API-only host whose notification was lost (see <see cref="DispatchOutbox"/>). Rows this host accepts
    /// itself are dispatched at once, and rows an API-only host announces as soon as the notification arrives.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan OutboxSweepInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Whether this host hands outbox rows to Hangfire. Unset: a host with workers does and an API-only host does not,
    /// so that intake spends nothing on Hangfire and the jobs are enqueued where they run, which wakes those workers at
    /// once instead of after their next queue poll. An API-only host announces its new rows with a PostgreSQL
    /// <c>NOTIFY</c> (<see cref="OutboxWakeNotifier"/>, at most one per <see cref="OutboxSweepInterval"/>), which wakes the
    /// dispatchers of the hosts with workers (<see cref="OutboxWakeListener"/>); a lost notification leaves the row to
    /// their <see cref="OutboxSweepInterval"/>. True: an API-only host dispatches too (its jobs then wait for the
    /// workers' <see cref="QueuePollInterval"/>).
    /// </summary>
    public bool? DispatchOutbox { get; set; }

    /// <summary>Whether this host runs the outbox dispatcher (<see cref="DispatchOutbox"/>, else whether it has workers).</summary>
    public bool DispatchesOutbox => DispatchOutbox ?? WorkerCount > 0;

    /// <summary>Hangfire's schema in the shared database.</summary>
    [Required]
    public string SchemaName { get; set; } = "hangfire";
}
