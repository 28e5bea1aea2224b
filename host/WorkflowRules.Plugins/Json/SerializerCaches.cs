using System.Reflection;
using System.Reflection.Metadata;
using System.Text.Json;

namespace WorkflowRules.Plugins.Json;

/// <summary>
/// Clears System.Text.Json's process-wide reflection caches. Besides the per-options metadata, the serializer keeps
/// the delegates it emits for constructors and property accessors in a static cache that only evicts entries
/// when it is used again (dotnet/runtime#65323): those entries hold an unloaded plugin's types and keep its load
/// context alive. The serializer exposes the clearing through its hot-reload handler
/// (<see cref="MetadataUpdateHandlerAttribute"/>, <c>ClearCache(Type[]?)</c>), which is what is called here.
/// </summary>
internal static class SerializerCaches
{
    private static readonly Action<Type[]?>? s_clearCache = FindClearCache();

    /// <summary>Whether the serializer exposes its cache clearing; when false, unloading may be delayed until the cache evicts.</summary>
    public static bool CanClear => s_clearCache is not null;

    public static void Clear() => s_clearCache?.Invoke(null);

    private static Action<Type[]?>? FindClearCache()
    {
        foreach (var handler in typeof(JsonSerializer).Assembly.GetCustomAttributes<MetadataUpdateHandlerAttribute>())
        {
            var method = handler.HandlerType.GetMethod(
                "ClearCache", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(Type[])]);
            if (method is not null)
            {
                return method.CreateDelegate<Action<Type[]?>>();
            }
        }

        return null;
    }
}
