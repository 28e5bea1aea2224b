using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WorkflowRules.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build the model without the host. Adding a migration needs no server;
/// <c>dotnet ef database update</c> connects to <c>WORKFLOWRULES_DESIGN_CONNECTION</c> when set.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WorkflowRulesDbContext>
{
    public const string ConnectionVariable = "WORKFLOWRULES_DESIGN_CONNECTION";

    public WorkflowRulesDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionVariable)
            ?? "Host=127.0.0.1;Database=workflowrules;Username=postgres";
        var options = new DbContextOptionsBuilder<WorkflowRulesDbContext>()
            .UseNpgsql(connectionString, WorkflowRulesNpgsql.Configure)
            .Options;
        return new WorkflowRulesDbContext(options);
    }
}
