namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>
/// Follows a queue being drained and measures CPU over its measured part, from the moment <c>from</c> items are done
/// to the moment all are: what each item cost the machine, and which process spent it. On a 2-core machine whose
/// cores are busy throughout, the rate follows that cost, so a slow drain shows whether the engine or everything
/// else got dearer.
/// </summary>
internal static class DrainWindow
{
    /// <summary>
    /// How many of <paramref name="total"/> queued jobs are done: the total less the rows left in the Hangfire queue table
    /// of <paramref name="schema"/>. The same small query for the ceiling and for the host, and next to free: counting
    /// finished rows instead (succeeded jobs, completed instances) scanned the drained table ten times a second, 2 ms a
    /// poll over empty jobs and 8.9 ms over workflow instances, PostgreSQL CPU taken from the very drain it measured.
    /// </summary>
    public static string DoneInHangfireQueue(string schema, int total) => $"SELECT {total} - count(*) FROM \"{schema}\".jobqueue";

    /// <summary>
    /// Notes how many instances each of the host's queued jobs runs (a job may run several: <c>Jobs:InstancesPerJob</c>),
    /// from the outbox rows the dispatcher stamped, in a table of the driver's; returns how many jobs there are. Call it
    /// once every event is dispatched and before the queue drains.
    /// </summary>
    public static Task<long> NoteInstancesPerJobAsync(string connectionString, CancellationToken cancellationToken) =>
        DatabaseProbe.ScalarAsync<long>(connectionString, """
            CREATE TABLE public.load_job_instances AS
              SELECT job_id::bigint AS jobid, count(*)::int AS instances FROM workflow.outbox_messages GROUP BY job_id;
            ALTER TABLE public.load_job_instances ADD PRIMARY KEY (jobid);
            SELECT count(*) FROM public.load_job_instances;
            """, cancellationToken);

    /// <summary>
    /// How many of <paramref name="total"/> instances are done: the total less the instances of the jobs left in the
    /// host's Hangfire queue (<see cref="NoteInstancesPerJobAsync"/>); as cheap as <see cref="DoneInHangfireQueue"/>.
    /// </summary>
    public static string InstancesDoneInHostQueue(int total) =>
        $"SELECT {total} - coalesce(sum(j.instances), 0) FROM hangfire.jobqueue q JOIN public.load_job_instances j ON j.jobid = q.jobid";

    /// <summary>
    /// Waits until <paramref name="countDone"/> (a count query) reaches <paramref name="to"/> and returns the CPU time
    /// per item done from the <paramref name="from"/>-th on: the machine's, the draining process's
    /// (<paramref name="drainerCpu"/>) and PostgreSQL's; throws on <paramref name="timeout"/>.
    /// </summary>
    public static async Task<CpuPerItem> CpuPerItemAsync(
        string connectionString, string countDone, int from, int to, Func<TimeSpan> drainerCpu, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (startCount, start, lastCount, last) = (-1L, default(CpuPerItem), 0L, default(CpuPerItem));
        void Observe(long count)
        {
            (lastCount, last) = (count, new CpuPerItem(MachineCpu.BusyTime(), drainerCpu(), PostgresCpu.Used()));
            if (startCount < 0 && count >= from)
            {
                (startCount, start) = (lastCount, last);
            }
        }

        if (!await DatabaseProbe.WaitForCountAsync(connectionString, countDone, to, timeout, cancellationToken, Observe))
        {
            throw new TimeoutException($"Only part of {to} items was done within {timeout.TotalMinutes:0} minutes ({countDone}).");
        }

        var items = Math.Max(1, lastCount - startCount);
        return new CpuPerItem((last.Machine - start.Machine) / items, (last.Drainer - start.Drainer) / items, (last.Postgres - start.Postgres) / items);
    }
}

/// <summary>CPU time of the whole machine, of the process that drains the queue, and of PostgreSQL.</summary>
internal readonly record struct CpuPerItem(TimeSpan Machine, TimeSpan Drainer, TimeSpan Postgres)
{
    public override string ToString() =>
        $"{Machine.TotalMilliseconds:0.00} ms (drainer {Drainer.TotalMilliseconds:0.00}, PostgreSQL {Postgres.TotalMilliseconds:0.00})";
}
