namespace WorkflowRules.Plugins;

/// <summary>The categories the host knows before any plugin loads (BC's standard ones).</summary>
public static class HostCategories
{
    public static IReadOnlyList<CategoryDescriptor> All { get; } =
    [
        new("PURCH", "Purchasing", null),
        new("SALES", "Sales", null),
        new("FIN", "Finance", null),
        new("ADMIN", "Administration", null),
        new("INT", "Integration", null),
    ];
}
