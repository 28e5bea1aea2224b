using Microsoft.AspNetCore.Http.HttpResults;
using WorkflowRules.Conditions;
using WorkflowRules.Host.Access;
using WorkflowRules.Host.Api;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Conditions;

/// <summary><c>/api/conditions</c>: validate a condition before saving it; list condition scripts and their state.</summary>
public static class ConditionEndpoints
{
    public static IEndpointRouteBuilder MapConditions(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/conditions").WithTags("Conditions").RequireAuthorization(AuthorizationPolicies.Operate);
        group.MapPost("/validate", Validate);
        group.MapGet("/scripts", (IConditionScriptCatalog scripts) => TypedResults.Ok(scripts.List()));
        return endpoints;
    }

    private static Results<Ok<ConditionValidationResult>, ProblemHttpResult> Validate(
        ConditionValidationRequest request, IPluginCatalog catalog, IConditionValidator validator)
    {
        if (string.IsNullOrWhiteSpace(request.Event) || !catalog.Current.Events.TryGetValue(request.Event, out var descriptor))
        {
            return Problems.Validation("event", $"Event '{request.Event}' is not offered by any loaded plugin (GET /api/catalog/events lists them).");
        }

        if (string.IsNullOrWhiteSpace(request.Condition) == string.IsNullOrWhiteSpace(request.Script))
        {
            return Problems.Validation("condition", "Send either an inline condition or the name of a condition script.");
        }

        var diagnostics = validator.Validate(new ConditionSource(request.Condition, request.Script), descriptor.RecordType.ClrType);
        return TypedResults.Ok(new ConditionValidationResult(diagnostics.Count == 0, descriptor.RecordType.Name, diagnostics));
    }
}
