using System.Text.Json.Serialization;

namespace WorkflowRules.Host.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>Problem details for every error, the OpenAPI document, and enums as names (<c>"Completed"</c>, not <c>3</c>).</summary>
    public static IServiceCollection AddWorkflowApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }
}
