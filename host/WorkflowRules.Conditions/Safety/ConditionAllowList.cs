using System.Collections.Frozen;
using Microsoft.CodeAnalysis;

namespace WorkflowRules.Conditions.Safety;

/// <summary>
/// The types and members a condition may use, decided on bound symbols (never on names in the text, which
/// aliases, usings and <c>global::</c> could disguise). Everything not listed is refused.
/// </summary>
internal sealed class ConditionAllowList(string recordAssemblyName)
{
    /// <summary>Framework and SDK types, by metadata name; nested types of these are allowed with them (List`1+Enumerator).</summary>
    private static readonly FrozenSet<string> Types = BuildTypes();

    private static readonly string[] CollectionMutators =
    [
        "Add", "AddRange", "Insert", "InsertRange", "Remove", "RemoveAll", "RemoveAt", "RemoveRange", "RemoveWhere",
        "Clear", "Sort", "Reverse", "TryAdd", "UnionWith", "IntersectWith", "ExceptWith", "SymmetricExceptWith",
        "TrimExcess", "EnsureCapacity", "CopyTo", "set_Item",
    ];

    /// <summary>Members of allowed types that are refused anyway, with the reason.</summary>
    private static readonly FrozenDictionary<(string Type, string Member), string> DeniedMembers = BuildDeniedMembers();

    /// <summary>Types whose members change the collection; refused except in a collection initializer of a new object.</summary>
    private static readonly FrozenSet<string> MutableCollections = new[]
    {
        "System.Collections.Generic.List`1", "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.HashSet`1",
        "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IList`1", "System.Collections.Generic.IDictionary`2",
        "System.Collections.Generic.ISet`1", "System.Collections.Generic.CollectionExtensions",
    }.ToFrozenSet(StringComparer.Ordinal);

    public bool IsAllowed(ITypeSymbol type) => type switch
    {
        IErrorTypeSymbol => true, // already a compile error; a second message would be noise
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => IsAllowed(array.ElementType),
        INamedTypeSymbol { IsAnonymousType: true } anonymous => anonymous.GetMembers().OfType<IPropertySymbol>().All(p => IsAllowed(p.Type)),
        INamedTypeSymbol named => IsAllowedDefinition(named.OriginalDefinition)
            && named.TypeArguments.All(IsAllowed)
            && (named.ContainingType is null || IsAllowed(named.ContainingType)),
        _ => false, // pointers, function pointers, dynamic
    };

    /// <summary>Null when <paramref name="member"/> may be used; otherwise why not.</summary>
    public string? Check(ISymbol member, bool inCollectionInitializer)
    {
        if (member is IMethodSymbol { MethodKind: MethodKind.LambdaMethod or MethodKind.LocalFunction or MethodKind.AnonymousFunction })
        {
            return null; // the user's own functions: their parameter and return types are checked where they are declared
        }

        if (member.ContainingType is not { } owner || !IsAllowed(owner))
        {
            return RefusalFor(member.ContainingType);
        }

        var ownerName = MetadataName(owner.OriginalDefinition);
        var memberName = member.Name;
        if (DeniedMembers.TryGetValue((ownerName, memberName), out var denied))
        {
            return denied;
        }

        if (!inCollectionInitializer && MutableCollections.Contains(ownerName) && CollectionMutators.Contains(memberName))
        {
            return ConditionRules.ReadOnly;
        }

        if (member is IMethodSymbol method && !method.TypeArguments.All(IsAllowed))
        {
            return ConditionRules.AllowedSummary;
        }

        return null;
    }

    /// <summary>The reason to give for a type that is not allowed.</summary>
    public static string RefusalFor(ITypeSymbol? type)
    {
        var ns = type?.ContainingNamespace?.ToDisplayString() ?? "";
        return ns.StartsWith("System.Reflection", StringComparison.Ordinal) || type?.Name is "Type" or "Activator" or "AppDomain" or "Assembly"
            ? ConditionRules.Reflection
            : ns.StartsWith("System.Threading", StringComparison.Ordinal)
                ? ConditionRules.Threading
                : ConditionRules.AllowedSummary;
    }

    private bool IsAllowedDefinition(INamedTypeSymbol definition)
    {
        if (definition.ContainingAssembly is { } assembly && assembly.Name == recordAssemblyName)
        {
            return true;
        }

        return Types.Contains(MetadataName(definition))
            || (definition.ContainingType is { } outer && IsAllowedDefinition(outer.OriginalDefinition));
    }

    /// <summary>Namespace-qualified metadata name (System.Collections.Generic.List`1; nested: Outer+Inner).</summary>
    public static string MetadataName(INamedTypeSymbol type) =>
        type.ContainingType is { } outer
            ? MetadataName(outer) + "+" + type.MetadataName
            : type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;

    private static FrozenSet<string> BuildTypes()
    {
        var names = new List<string>
        {
            "System.Object", "System.Boolean", "System.Char", "System.SByte", "System.Byte", "System.Int16", "System.UInt16",
            "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Int128", "System.UInt128",
            "System.Single", "System.Double", "System.Decimal", "System.String", "System.Void",
            "System.DateTime", "System.DateTimeOffset", "System.DateOnly", "System.TimeOnly", "System.TimeSpan",
            "System.DayOfWeek", "System.DateTimeKind", "System.Guid", "System.Math", "System.MathF", "System.MidpointRounding",
            "System.Nullable", "System.Nullable`1", "System.StringComparison", "System.StringComparer", "System.StringSplitOptions",
            "System.Index", "System.Range", "System.Enum", "System.Array", "System.ValueTuple",
            "System.IComparable", "System.IComparable`1", "System.IEquatable`1",
            "System.Predicate`1", "System.Comparison`1", "System.Action",
            // Spans: what the compiler binds params spans, collection expressions and string helpers to; memory-safe.
            "System.ReadOnlySpan`1", "System.Span`1", "System.MemoryExtensions",
            "System.Collections.IEnumerable", "System.Collections.IEnumerator", "System.IDisposable",
            "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.IEnumerator`1",
            "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IList`1",
            "System.Collections.Generic.IReadOnlyCollection`1", "System.Collections.Generic.IReadOnlyList`1",
            "System.Collections.Generic.IDictionary`2", "System.Collections.Generic.IReadOnlyDictionary`2",
            "System.Collections.Generic.ISet`1", "System.Collections.Generic.IReadOnlySet`1",
            "System.Collections.Generic.List`1", "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.HashSet`1",
            "System.Collections.Generic.KeyValuePair", "System.Collections.Generic.KeyValuePair`2",
            "System.Collections.Generic.IEqualityComparer`1", "System.Collections.Generic.IComparer`1",
            "System.Collections.Generic.CollectionExtensions",
            "System.Linq.Enumerable", "System.Linq.IGrouping`2", "System.Linq.ILookup`2", "System.Linq.Lookup`2", "System.Linq.IOrderedEnumerable`1",
            // What string interpolation binds to.
            "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler",
            "WorkflowRules.Sdk.Conditions.ConditionEvent",
            // The Approvals variable: four counts, an immutable record like ConditionEvent.
            "WorkflowRules.Sdk.Conditions.ApprovalState",
        };
        for (var arity = 1; arity <= 8; arity++)
        {
            names.Add($"System.ValueTuple`{arity}");
        }

        for (var arity = 1; arity <= 17; arity++)
        {
            names.Add($"System.Func`{arity}");
            names.Add($"System.Action`{arity}");
        }

        return names.ToFrozenSet(StringComparer.Ordinal);
    }

    private static FrozenDictionary<(string, string), string> BuildDeniedMembers()
    {
        var denied = new Dictionary<(string, string), string>
        {
            [("System.Object", "GetType")] = ConditionRules.Reflection,
            [("System.Linq.Enumerable", "Repeat")] = ConditionRules.Unbounded,
            [("System.Linq.Enumerable", "Range")] = ConditionRules.Unbounded,
            [("System.Linq.Enumerable", "Sequence")] = ConditionRules.Unbounded,
            [("System.Linq.Enumerable", "InfiniteSequence")] = ConditionRules.Unbounded,
            [("System.DateTime", "Now")] = ConditionRules.Clock,
            [("System.DateTime", "UtcNow")] = ConditionRules.Clock,
            [("System.DateTime", "Today")] = ConditionRules.Clock,
            [("System.DateTimeOffset", "Now")] = ConditionRules.Clock,
            [("System.DateTimeOffset", "UtcNow")] = ConditionRules.Clock,
        };
        foreach (var member in new[]
                 {
                     "CreateInstance", "CreateInstanceFromArrayType", "SetValue", "Resize", "Clear", "Fill", "Sort", "Reverse",
                     "Copy", "ConstrainedCopy", "Initialize", "CopyTo",
                 })
        {
            denied[("System.Array", member)] = member.StartsWith("Create", StringComparison.Ordinal) ? ConditionRules.Reflection : ConditionRules.ReadOnly;
        }

        return denied.ToFrozenDictionary();
    }
}
