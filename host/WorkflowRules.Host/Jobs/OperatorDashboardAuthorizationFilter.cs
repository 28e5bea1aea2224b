using Hangfire.Dashboard;
using WorkflowRules.Host.Access;

namespace WorkflowRules.Host.Jobs;

/// <summary>
/// Lets only operators and administrators into the Hangfire dashboard. The endpoint also requires the
/// <see cref="AuthorizationPolicies.Operate"/> policy; this filter is set explicitly as well so the
/// dashboard never falls back to a default that might be open.
/// </summary>
public sealed class OperatorDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Admin));
    }
}
