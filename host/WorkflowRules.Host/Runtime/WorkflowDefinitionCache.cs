using System.Collections.Concurrent;
using WorkflowRules.Host.Workflows.Definitions;
using WorkflowRules.Persistence.Workflows;

namespace WorkflowRules.Host.Runtime;

/// <summary>Parsed definitions by version id. Versions never change, so entries never go stale.</summary>
public sealed class WorkflowDefinitionCache
{
    private readonly ConcurrentDictionary<Guid, WorkflowDefinition> _definitions = new();

    /// <summary>The definition of a version parsed before, without a database read; null when not cached yet.</summary>
    public WorkflowDefinition? TryGet(Guid versionId) => _definitions.GetValueOrDefault(versionId);

    public WorkflowDefinition Get(WorkflowVersion version) =>
        _definitions.GetOrAdd(version.Id, static (_, json) => DefinitionJson.Deserialize(json), version.DefinitionJson);
}
