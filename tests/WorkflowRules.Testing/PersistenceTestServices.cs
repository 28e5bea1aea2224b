using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkflowRules.Persistence;

namespace WorkflowRules.Testing;

/// <summary>The host's persistence registrations (<c>AddWorkflowPersistence</c>) for one test database.</summary>
public static class PersistenceTestServices
{
    /// <summary>Dispose the provider to close the database's connections. <paramref name="logging"/> adds providers, e.g. one a test reads.</summary>
    public static ServiceProvider Create(string connectionString, Action<ILoggingBuilder>? logging = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(builder => logging?.Invoke(builder));
        services.AddWorkflowPersistence(connectionString);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
