namespace WorkflowRules.Conditions.Tests.Unloading;

/// <summary>Proves that objects (load contexts, mostly) were collected.</summary>
public static class Collected
{
    /// <summary>Unloading completes over a few collections (finalizers release the context's native side).</summary>
    public static bool All(IReadOnlyCollection<WeakReference> references)
    {
        for (var attempt = 0; attempt < 20 && references.Any(r => r.IsAlive); attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return references.All(r => !r.IsAlive);
    }
}
