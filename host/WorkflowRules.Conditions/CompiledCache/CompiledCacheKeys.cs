using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WorkflowRules.Sdk.Conditions;

namespace WorkflowRules.Conditions.CompiledCache;

/// <summary>
/// Names entries of the compiled cache on disk by a SHA-256 of everything that decides the emitted code: the
/// condition's text, its record type and the exact build of the record's assembly and of the assemblies it
/// references, the compiler, the runtime's core library, the SDK and this assembly (its wrapper, rewriter and
/// budget). A change to any of them gives a new key, so a stale entry is never loaded, only left to be pruned.
/// </summary>
/// <remarks>
/// Builds are told apart by module version id (MVID): deterministic builds derive it from the content, others
/// make a new one per build, so at worst a rebuild without changes costs one recompile.
/// </remarks>
internal sealed class CompiledCacheKeys
{
    /// <summary>The layout of the cache's files; part of every key so a new layout never reads an old file.</summary>
    public const string Format = "workflowrules-conditions-cache-1";

    private readonly string _toolchain = string.Join('\n',
        Format,
        Describe(typeof(CSharpCompilation).Assembly),
        Describe(typeof(SyntaxTree).Assembly),
        Describe(typeof(object).Assembly),
        Describe(typeof(ConditionEvent).Assembly),
        Describe(typeof(CompiledCacheKeys).Assembly));

    // Weak, so a plugin's assembly is never kept alive by its cached description.
    private readonly ConditionalWeakTable<Assembly, string> _recordAssemblies = [];

    /// <summary>The key of one condition compiled against <paramref name="recordType"/>.</summary>
    public string Of(string code, Type recordType)
    {
        var text = string.Join('\n',
            _toolchain,
            recordType.AssemblyQualifiedName,
            _recordAssemblies.GetValue(recordType.Assembly, DescribeWithReferences),
            code);
        return Hash(text);
    }

    /// <summary>The key of a batch: its conditions' keys, in order (the order decides the generated class names).</summary>
    public static string OfBatch(IEnumerable<string> conditionKeys) => Hash(string.Join('\n', conditionKeys));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Describe(Assembly assembly) => $"{assembly.FullName} {assembly.ManifestModule.ModuleVersionId:N}";

    /// <summary>The record's assembly and what its references resolve to in its own load context, as compiling does.</summary>
    private static string DescribeWithReferences(Assembly recordAssembly)
    {
        var context = AssemblyLoadContext.GetLoadContext(recordAssembly) ?? AssemblyLoadContext.Default;
        var description = new StringBuilder(Describe(recordAssembly));
        foreach (var name in recordAssembly.GetReferencedAssemblies().OrderBy(n => n.FullName, StringComparer.Ordinal))
        {
            description.Append('\n');
            try
            {
                description.Append(Describe(context.LoadFromAssemblyName(name)));
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                description.Append("unresolved ").Append(name.FullName);
            }
        }

        return description.ToString();
    }
}
