namespace WorkflowRules.Host.Access;

/// <summary>Named policies the endpoint groups require.</summary>
public static class AuthorizationPolicies
{
    /// <summary>Administrators only.</summary>
    public const string Administer = "administer";

    /// <summary>Operators and administrators (dashboard, instances, plugin status).</summary>
    public const string Operate = "operate";

    /// <summary>Applications and administrators (post events, read their outcome).</summary>
    public const string SubmitEvents = "submit-events";
}
