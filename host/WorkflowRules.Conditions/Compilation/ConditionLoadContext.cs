using System.Reflection;
using System.Runtime.Loader;

namespace WorkflowRules.Conditions.Compilation;

/// <summary>
/// The collectible context one compiled batch of conditions lives in. Dependencies resolve through the record
/// type's own load context, so a plugin's types keep their identity (no "cannot cast X to X") and the SDK stays
/// the host's shared copy.
/// </summary>
internal sealed class ConditionLoadContext(string name, AssemblyLoadContext recordContext) : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => recordContext.LoadFromAssemblyName(assemblyName);
}
