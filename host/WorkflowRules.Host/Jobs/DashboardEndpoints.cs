using Hangfire;
using Hangfire.Dashboard;
using WorkflowRules.Host.Access;

namespace WorkflowRules.Host.Jobs;

public static class DashboardEndpoints
{
    /// <summary>The Hangfire dashboard at <c>/hangfire</c>: operators only, read-only unless an administrator.</summary>
    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "WorkflowRules jobs",
            Authorization = [new OperatorDashboardAuthorizationFilter()],
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Roles.Admin),
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(AuthorizationPolicies.Operate);
        return endpoints;
    }
}
