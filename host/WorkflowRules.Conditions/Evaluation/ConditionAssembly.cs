using WorkflowRules.Conditions.Compilation;

namespace WorkflowRules.Conditions.Evaluation;

/// <summary>
/// Counts the cached conditions that live in one emitted assembly; the last one retired unloads its context.
/// Evaluations still running keep the code alive until they return (unloading is cooperative), so nothing
/// is pulled from under them.
/// </summary>
internal sealed class ConditionAssembly(ConditionLoadContext context, int conditions)
{
    private int _live = conditions;

    public ConditionLoadContext Context => context;

    public void Release()
    {
        if (Interlocked.Decrement(ref _live) == 0)
        {
            context.Unload();
        }
    }
}
