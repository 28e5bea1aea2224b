using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;

namespace WorkflowRules.Plugins.Json;

/// <summary>
/// The object contracts of one plugin version's types, built on first use. Owned by the version beside its serializer
/// options, so that it goes with them (and with the version's load context). Thread-safe.
/// </summary>
internal sealed class JsonContracts
{
    private readonly ConcurrentDictionary<JsonTypeInfo, JsonObjectContract> _objects = new(ReferenceEqualityComparer.Instance);

    public JsonObjectContract For(JsonTypeInfo typeInfo) => _objects.GetOrAdd(typeInfo, static info => new JsonObjectContract(info));
}
