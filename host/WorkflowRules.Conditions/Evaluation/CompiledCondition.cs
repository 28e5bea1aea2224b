namespace WorkflowRules.Conditions.Evaluation;

/// <summary>A cached condition: its delegate, or the failure that every evaluation of it reports (allocated once).</summary>
internal sealed class CompiledCondition(string hash, ConditionInvoker? invoke, ConditionFailure? failure, ConditionAssembly? owner)
{
    public string Hash => hash;

    public ConditionInvoker? Invoke => invoke;

    public ConditionFailure? Failure => failure;

    public ConditionAssembly? Owner => owner;

    public void Release() => owner?.Release();
}
