using WorkflowRules.Host.Templates;
using WorkflowRules.Host.Workflows;

[assembly: HostingStartup(typeof(WorkflowsHostingStartup))]

namespace WorkflowRules.Host.Workflows;

/// <summary>
/// TEMPORARY bridge until Program.cs calls <c>AddWorkflows()</c> and <c>AddWorkflowTemplates()</c> itself: ASP.NET Core
/// runs the application assembly's hosting startups when it builds the host. Both registrations are idempotent, so
/// this file can be deleted once those lines are in Program.cs, with no other change.
/// </summary>
public sealed class WorkflowsHostingStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureServices(services => services.AddWorkflows().AddWorkflowTemplates());
    }
}
