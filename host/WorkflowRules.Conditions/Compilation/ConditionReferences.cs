using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WorkflowRules.Conditions.Budget;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions.Compilation;

/// <summary>
/// The metadata references conditions compile against, each created once and shared by every compile (reading
/// System.Private.CoreLib again per compile is what makes naive scripting slow). The set is minimal: the core
/// library, LINQ, collections, the SDK, the budget, and the record type's assembly with its dependencies.
/// </summary>
internal sealed class ConditionReferences
{
    private readonly ConcurrentDictionary<string, MetadataReference> _byPath = new(StringComparer.Ordinal);

    // Roslyn reuses the symbols it decoded from a reference (System.Private.CoreLib's whole API, to begin with)
    // in the next compilation, but holds them only weakly: after a full garbage collection the next compile
    // decodes them again (measured: ~80 ms instead of ~25). A compilation kept alive with its references bound
    // keeps them reachable. Made at the first compile, not before: a start served from the compiled cache on disk
    // never needs the compiler.
    private CSharpCompilation? _anchor;

    // Keyed weakly by assembly so that a plugin's assembly is never kept alive by its references; the values
    // hold only metadata read from the file, never the Assembly.
    private readonly ConditionalWeakTable<Assembly, MetadataReference[]> _byRecordAssembly = [];

    public ConditionReferences()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string[] paths =
        [
            typeof(object).Assembly.Location,
            Path.Combine(runtimeDirectory, "System.Runtime.dll"),
            typeof(Enumerable).Assembly.Location,
            Path.Combine(runtimeDirectory, "System.Collections.dll"),
            typeof(ConditionEvent).Assembly.Location,
            typeof(ConditionBudget).Assembly.Location,
        ];
        Base = [.. paths.Distinct(StringComparer.Ordinal).Select(FromPath)];
    }

    /// <summary>The references every condition gets, whatever its record type.</summary>
    public IReadOnlyList<MetadataReference> Base { get; }

    /// <summary>Base references plus the assemblies of <paramref name="recordTypes"/> and their dependencies.</summary>
    /// <exception cref="InvalidOperationException">A record type's assembly has no file to read metadata from.</exception>
    public IReadOnlyList<MetadataReference> For(IEnumerable<Type> recordTypes)
    {
        // A race only builds a second anchor, which is dropped.
        _anchor ??= Anchor(Base);
        var all = new List<MetadataReference>(Base);
        var seen = new HashSet<MetadataReference>(Base);
        foreach (var assembly in recordTypes.Select(t => t.Assembly).Distinct())
        {
            foreach (var reference in _byRecordAssembly.GetValue(assembly, Resolve))
            {
                if (seen.Add(reference))
                {
                    all.Add(reference);
                }
            }
        }

        return all;
    }

    /// <summary>Drops the references read for assemblies of <paramref name="context"/>.</summary>
    public void Forget(AssemblyLoadContext context)
    {
        foreach (var assembly in context.Assemblies)
        {
            _byRecordAssembly.Remove(assembly);
        }
    }

    private static CSharpCompilation Anchor(IEnumerable<MetadataReference> references)
    {
        var anchor = CSharpCompilation.Create("WorkflowRules.Conditions.ReferenceAnchor", references: references);
        foreach (var reference in anchor.References)
        {
            // Binds the reference now: its assembly symbol is created and stays reachable from the anchor.
            _ = anchor.GetAssemblyOrModuleSymbol(reference);
        }

        return anchor;
    }

    private MetadataReference[] Resolve(Assembly recordAssembly)
    {
        if (string.IsNullOrEmpty(recordAssembly.Location))
        {
            throw new InvalidOperationException(
                $"The record type's assembly {recordAssembly.GetName().Name} was not loaded from a file, so conditions cannot be compiled against it.");
        }

        var context = AssemblyLoadContext.GetLoadContext(recordAssembly) ?? AssemblyLoadContext.Default;
        var references = new List<MetadataReference> { ReferenceTo(recordAssembly) };
        foreach (var name in recordAssembly.GetReferencedAssemblies())
        {
            // Resolve the way the runtime will for the condition's own context, so compile and run see the same files.
            Assembly dependency;
            try
            {
                dependency = context.LoadFromAssemblyName(name);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                continue;
            }

            if (!string.IsNullOrEmpty(dependency.Location))
            {
                references.Add(ReferenceTo(dependency));
            }
        }

        return [.. references];
    }

    // Shared assemblies (framework, SDK, default-context libraries) are read once for the process; a collectible
    // plugin's own files are read per record assembly and dropped with it.
    private MetadataReference ReferenceTo(Assembly assembly) =>
        assembly.IsCollectible ? MetadataReference.CreateFromFile(assembly.Location) : FromPath(assembly.Location);

    private MetadataReference FromPath(string path) => _byPath.GetOrAdd(path, p => MetadataReference.CreateFromFile(p));
}
