namespace WorkflowRules.Customers;

/// <summary>The catalog category of everything this plugin offers.</summary>
public static class SalesCategory
{
    public const string Code = "SALES";
}
