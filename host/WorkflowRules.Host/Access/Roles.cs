namespace WorkflowRules.Host.Access;

/// <summary>Role names carried by API keys. Users, approvers and their rights come later and add roles, not schemes.</summary>
public static class Roles
{
    /// <summary>Defines workflows, manages keys and plugins.</summary>
    public const string Admin = "admin";

    /// <summary>Watches jobs (the Hangfire dashboard) and instances.</summary>
    public const string Operator = "operator";

    /// <summary>A business application that posts events and reads their outcome.</summary>
    public const string Application = "application";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Admin, Operator, Application };
}
