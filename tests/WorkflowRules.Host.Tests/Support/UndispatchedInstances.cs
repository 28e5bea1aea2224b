using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Host.Runtime;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Events;
using WorkflowRules.Plugins;

namespace WorkflowRules.Host.Tests.Support;

/// <summary>
/// Starts an instance of a workflow (enabled or not) straight in the database, as the intake would, with or without
/// the outbox row that gets it run: what a crash right after the intake commit leaves, or an instance whose responses
/// are still waiting to run.
/// </summary>
public static class UndispatchedInstances
{
    public static async Task<Guid> StartAsync(WorkflowHost host, string workflowCode, string eventName, object record, bool dispatch) =>
        (await StartManyAsync(host, workflowCode, eventName, [record], dispatch))[0];

    /// <summary>One instance per record, all in one commit: outbox rows that the dispatcher then claims together.</summary>
    public static async Task<IReadOnlyList<Guid>> StartManyAsync(WorkflowHost host, string workflowCode, string eventName, IReadOnlyList<object> records, bool dispatch)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>();
        var workflow = await db.Workflows.Include(w => w.CurrentVersion).SingleAsync(w => w.Code == workflowCode);
        using var lease = host.GetRequiredService<IPluginCatalog>().Acquire();
        var descriptor = lease.Snapshot.Events[eventName];
        var match = new WorkflowMatch(workflow, workflow.CurrentVersion!, host.GetRequiredService<WorkflowDefinitionCache>().Get(workflow.CurrentVersion!));
        var enabled = await host.GetRequiredService<EnabledWorkflowIndex>().GetSnapshotAsync(db, CancellationToken.None);
        var instanceIds = new List<Guid>();
        foreach (var record in records)
        {
            using var document = JsonDocument.Parse(JsonSerializer.Serialize(record, WorkflowHost.Json));
            var parsed = descriptor.RecordType.Parse(document.RootElement).Value!;
            var now = TimeProvider.System.GetUtcNow();
            var occurrence = new EventOccurrence(descriptor, parsed, null, descriptor.RecordType.Serialize(parsed), null, "tester", now);
            var received = new ReceivedEvent
            {
                Id = Guid.NewGuid(),
                EventName = descriptor.FunctionName,
                RecordType = descriptor.RecordType.Name,
                RecordKey = occurrence.RecordKey,
                RecordJson = occurrence.RecordJson,
                ActingUser = "tester",
                Status = ReceivedEventStatus.Handled,
            };
            db.ReceivedEvents.Add(received);
            var (instance, outbox) = host.GetRequiredService<InstanceFactory>().Create(match, occurrence, received.Id, enabled, lease.Snapshot, now);
            db.WorkflowInstances.Add(instance);
            if (dispatch && outbox is not null)
            {
                db.OutboxMessages.Add(outbox);
            }

            instanceIds.Add(instance.Id);
        }

        await db.SaveChangesAsync();
        return instanceIds;
    }
}
