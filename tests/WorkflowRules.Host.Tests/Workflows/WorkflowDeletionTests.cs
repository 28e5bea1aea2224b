using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Host.Tests.Support;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Events;
using WorkflowRules.Persistence.Instances;
using static WorkflowRules.Host.Tests.Support.Steps;

namespace WorkflowRules.Host.Tests.Workflows;

/// <summary>Deleting follows BC's rules: never an enabled workflow, a template or one with live instances; archived instances stay.</summary>
public sealed class WorkflowDeletionTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task Delete_RemovesTheWorkflowAndItsVersions_WhenNothingUsesIt()
    {
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Valid("D-PLAIN"));
        await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/workflows/D-PLAIN", Valid("D-PLAIN"));

        await host.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, "/api/workflows/D-PLAIN");

        await host.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, "/api/workflows/D-PLAIN");
        await host.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, "/api/workflows/D-PLAIN/versions/1");
        await host.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, "/api/workflows/D-PLAIN");
    }

    [Fact]
    public async Task Delete_IsRefusedUntilDisabled_WhenTheWorkflowIsEnabled()
    {
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Enabled("D-ENABLED", Event("1", Requested, condition: "Record.No == \"D-ENABLED\""), Note("2", "1")));

        var refused = await host.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Delete, "/api/workflows/D-ENABLED");

        Assert.Contains("disable it first", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/workflows/D-ENABLED/disable");
        await host.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, "/api/workflows/D-ENABLED");
    }

    [Fact]
    public async Task Delete_IsRefused_WhenTheWorkflowIsATemplate()
    {
        var templates = await host.Admin.GetJsonAsync("/api/templates");
        var code = templates[0].GetProperty("code").GetString();

        var refused = await host.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Delete, $"/api/workflows/{code}");

        Assert.Contains("templates are read-only", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/templates/{code}");
    }

    [Fact]
    public async Task Delete_IsRefusedWhileAnInstanceIsLive_AndKeepsArchivedInstances()
    {
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Valid("D-INSTANCES"));
        var live = await AddInstanceAsync("D-INSTANCES", archived: false);
        var archived = await AddInstanceAsync("D-INSTANCES", archived: true);

        var refused = await host.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Delete, "/api/workflows/D-INSTANCES");

        Assert.Contains("1 live instance", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ArchiveAsync(live);
        await host.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, "/api/workflows/D-INSTANCES");
        await using var scope = host.Services.CreateAsyncScope();
        var kept = await scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>().WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == archived);
        Assert.Null(kept.WorkflowVersionId);
        Assert.Equal("D-INSTANCES", kept.WorkflowCode);
        Assert.Equal(1, kept.WorkflowVersionNumber);
    }

    [Fact]
    public async Task DisableAndDelete_AreRefused_WhileAnEnabledWorkflowUsesItAsASubWorkflow()
    {
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows", Enabled("D-SUB", Event("1", Requested, condition: "Record.No == \"D-SUB\""), Note("2", "1")));
        await host.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/workflows",
            Enabled("D-PARENT", Event("1", Requested, condition: "Record.No == \"D-PARENT\""), Sub("2", "D-SUB", "1")));
        var notDisabled = await host.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, "/api/workflows/D-SUB/disable");
        Assert.Contains("sub-workflow of the enabled workflow D-PARENT", notDisabled.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // An operator can still disable it in SQL; deleting it must not follow.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>().Workflows.Where(w => w.Code == "D-SUB")
                .ExecuteUpdateAsync(set => set.SetProperty(w => w.Enabled, false));
        }

        var refused = await host.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Delete, "/api/workflows/D-SUB");

        Assert.Contains("sub-workflow of the enabled workflow D-PARENT", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await host.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/workflows/D-PARENT/disable");
        await host.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, "/api/workflows/D-SUB");
    }

    private async Task<Guid> AddInstanceAsync(string code, bool archived)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>();
        var workflow = await db.Workflows.Include(w => w.CurrentVersion).SingleAsync(w => w.Code == code);
        var now = TimeProvider.System.GetUtcNow();
        var received = new ReceivedEvent
        {
            Id = Guid.NewGuid(), EventName = Requested, RecordType = "PurchaseDocument", RecordKey = code, RecordJson = "{}", ActingUser = "tester",
            OccurredAt = now, ReceivedAt = now, Status = ReceivedEventStatus.Handled,
        };
        var instance = new WorkflowInstance
        {
            Id = Guid.NewGuid(), WorkflowVersionId = workflow.CurrentVersionId, WorkflowCode = code, WorkflowVersionNumber = workflow.CurrentVersion!.Number,
            RecordType = "PurchaseDocument", RecordKey = code, RecordJson = "{}", TriggeringEventId = received.Id, ActingUser = "tester",
            Status = archived ? InstanceStatus.Completed : InstanceStatus.Running, CreatedAt = now, UpdatedAt = now, ArchivedAt = archived ? now : null,
        };
        db.ReceivedEvents.Add(received);
        db.WorkflowInstances.Add(instance);
        await db.SaveChangesAsync();
        return instance.Id;
    }

    private async Task ArchiveAsync(Guid instanceId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>();
        await db.WorkflowInstances.Where(i => i.Id == instanceId)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Status, InstanceStatus.Completed).SetProperty(i => i.ArchivedAt, TimeProvider.System.GetUtcNow()));
    }
}
