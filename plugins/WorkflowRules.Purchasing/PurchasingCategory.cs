namespace WorkflowRules.Purchasing;

/// <summary>The catalog category of everything this plugin offers.</summary>
public static class PurchasingCategory
{
    public const string Code = "PURCH";
}
