using System.Collections.Frozen;

namespace WorkflowRules.Host.Runtime;

/// <summary>The enabled workflows at one catalog stamp, as <see cref="EnabledWorkflowIndex"/> serves them.</summary>
/// <param name="Stamp">The catalog stamp it reflects.</param>
/// <param name="ByEntryEvent">Enabled workflows by entry event, in code order.</param>
/// <param name="ByCode">Enabled workflows by code (sub-workflows are inlined from these).</param>
/// <param name="ContinuationEvents">Events some instance may be waiting for; any other event can only start instances.</param>
public sealed record EnabledWorkflowSet(
    long Stamp,
    FrozenDictionary<string, IReadOnlyList<EnabledWorkflow>> ByEntryEvent,
    FrozenDictionary<string, EnabledWorkflow> ByCode,
    FrozenSet<string> ContinuationEvents);
