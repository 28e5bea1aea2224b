namespace WorkflowRules.Host.Jobs;

/// <summary>Wakes the outbox dispatcher right after a commit that wrote outbox rows, so jobs start without waiting for the sweep.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up drains everything.
        }
    }

    public void Dispose() => _signal.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
