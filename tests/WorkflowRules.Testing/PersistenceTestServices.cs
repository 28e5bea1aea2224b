using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Persistence;

namespace WorkflowRules.Testing;

/// <summary>The host's persistence registrations (<c>AddWorkflowPersistence</c>) for one test database.</summary>
public static class PersistenceTestServices
{
    /// <summary>Dispose the provider to close the database's connections.</summary>
    public static ServiceProvider Create(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflowPersistence(connectionString);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
