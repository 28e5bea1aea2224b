using Microsoft.AspNetCore.Authentication;

namespace WorkflowRules.Host.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>API-key authentication, the role policies and the first-administrator-key bootstrap.</summary>
    public static IServiceCollection AddWorkflowAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeyVerifier>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.Administer, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(AuthorizationPolicies.Operate, policy => policy.RequireRole(Roles.Operator, Roles.Admin))
            .AddPolicy(AuthorizationPolicies.SubmitEvents, policy => policy.RequireRole(Roles.Application, Roles.Admin));
        services.AddHostedService<AdministratorKeyBootstrapper>();
        return services;
    }
}
