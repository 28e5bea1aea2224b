namespace WorkflowRules.Host.Jobs;

/// <summary>Wakes the outbox dispatcher right after a commit that wrote outbox rows, so jobs start without waiting for the sweep.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        // Already signalled: one wake-up drains everything. Checked first because under load that is the usual case
        // (the dispatcher waits out its gather delay), and a refused release costs an exception per event.
        if (_signal.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another commit signalled in between.
        }
    }

    public void Dispose() => _signal.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
