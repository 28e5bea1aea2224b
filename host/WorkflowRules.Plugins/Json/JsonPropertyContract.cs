using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace WorkflowRules.Plugins.Json;

/// <summary>One serialized property: its contract, its validation attributes ([Required] first, as Validator runs them).</summary>
internal sealed class JsonPropertyContract(JsonPropertyInfo info, int requiredIndex)
{
    public JsonPropertyInfo Info { get; } = info;

    /// <summary>The property's position among the required ones, or -1 when it may be absent.</summary>
    public int RequiredIndex { get; } = requiredIndex;

    private JsonTypeInfo? _typeInfo;

    /// <summary>
    /// The contract of the property's type, which both checks walk into. Looked up on first use, as the checks did
    /// before (a type the serializer cannot describe fails where it did); a race only looks it up twice.
    /// </summary>
    public JsonTypeInfo TypeInfo => _typeInfo ??= Info.Options.GetTypeInfo(Info.PropertyType);

    /// <summary>The C# member, when the property has one (its name is what annotations report against).</summary>
    public MemberInfo? Member { get; } = info.AttributeProvider as MemberInfo;

    /// <summary>Shared by concurrent reads, as Validator's own attribute store shares them: they hold no state of a check.</summary>
    public ImmutableArray<ValidationAttribute> Attributes { get; } = info.AttributeProvider is MemberInfo member
        ? [.. member.GetCustomAttributes<ValidationAttribute>(inherit: true).OrderBy(a => a is RequiredAttribute ? 0 : 1)]
        : [];
}
