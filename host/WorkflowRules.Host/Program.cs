using WorkflowRules.Conditions;
using WorkflowRules.Host.Access;
using WorkflowRules.Host.Api;
using WorkflowRules.Host.Conditions;
using WorkflowRules.Host.Database;
using WorkflowRules.Host.Events;
using WorkflowRules.Host.Health;
using WorkflowRules.Host.Instances;
using WorkflowRules.Host.Jobs;
using WorkflowRules.Host.Plugins;
using WorkflowRules.Host.Runtime;
using WorkflowRules.Host.Templates;
using WorkflowRules.Host.Workflows;
using WorkflowRules.Plugins;

var builder = WebApplication.CreateBuilder(args);

// The database comes first: its hosted services (embedded server, migrations) must start before anything that uses it.
var connectionString = await builder.AddWorkflowDatabaseAsync();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddWorkflowApi();
builder.Services.AddWorkflowPlugins(builder.Configuration);
builder.Services.AddWorkflowConditions(builder.Configuration);
builder.Services.AddWorkflowConditionsIntegration();
builder.Services.AddWorkflows();
builder.Services.AddWorkflowTemplates();
builder.Services.AddWorkflowAccess(builder.Configuration);
builder.Services.AddWorkflowRuntime();
builder.Services.AddWorkflowIntake(builder.Configuration);
builder.Services.AddWorkflowJobs(builder.Configuration, connectionString);
builder.Services.AddWorkflowHealth();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi().AllowAnonymous();
app.MapHealth();
app.MapApiKeys();
app.MapEvents();
app.MapWorkflows();
app.MapTemplates();
app.MapInstances();
app.MapConditions();
app.MapCatalog();
app.MapJobsDashboard();

await app.RunAsync();

/// <summary>The entry point, public so integration tests can host it.</summary>
public partial class Program;
