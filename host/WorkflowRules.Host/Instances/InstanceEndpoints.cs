using WorkflowRules.Host.Access;

namespace WorkflowRules.Host.Instances;

/// <summary>
/// <c>/api/instances</c>: read live and archived instances; retry a failed step; remove a stuck instance of a disabled
/// workflow; delete archived instances in bulk.
/// </summary>
public static class InstanceEndpoints
{
    public static IEndpointRouteBuilder MapInstances(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/instances").WithTags("Instances").RequireAuthorization(AuthorizationPolicies.SubmitEvents);
        read.MapGet("/{id:guid}", InstanceQueries.GetAsync);
        read.MapGet("/", InstanceQueries.ListAsync);
        read.MapGet("/archive", InstanceQueries.ListArchivedAsync);

        var operate = endpoints.MapGroup("/api/instances").WithTags("Instances").RequireAuthorization(AuthorizationPolicies.Operate);
        operate.MapPost("/{id:guid}/steps/{stepId}/retry", InstanceCommands.RetryAsync);

        var administer = endpoints.MapGroup("/api/instances").WithTags("Instances").RequireAuthorization(AuthorizationPolicies.Administer);
        administer.MapDelete("/{id:guid}", InstanceCommands.RemoveAsync);
        administer.MapDelete("/archive", InstanceCommands.DeleteArchivedAsync);
        return endpoints;
    }
}
