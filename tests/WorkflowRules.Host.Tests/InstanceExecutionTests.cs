using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Host.Runtime;
using WorkflowRules.Host.Tests.Support;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Instances;
using WorkflowRules.Persistence.Outbox;
using WorkflowRules.Testing;

namespace WorkflowRules.Host.Tests;

/// <summary>Failures, retries, slow responses and at-least-once jobs: nothing lost, nothing run twice.</summary>
public sealed class InstanceExecutionTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task FailedResponse_IsShownWithItsError_AndCompletesOnRetry()
    {
        var marker = await CreateTicketWorkflowWithMarkerAsync("FLAKY", "FAIL_WHILE_MARKER_EXISTS", "T-1");

        var outcome = await host.Admin.PostEventAsync(new { @event = "TICKET_OPENED", record = new { id = "T-1", title = "Printer on fire" } });
        var failed = await host.Admin.WaitForInstanceAsync(outcome.FirstInstanceId(), host: host);

        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        var step = failed.GetProperty("steps")[1];
        Assert.Equal("Failed", step.GetProperty("status").GetString());
        Assert.Contains("marker file", step.GetProperty("error").GetString(), StringComparison.Ordinal);

        File.Delete(marker);
        var retry = await host.Admin.PostAsync($"/api/instances/{outcome.FirstInstanceId()}/steps/2/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);

        var completed = await host.Admin.WaitForInstanceAsync(outcome.FirstInstanceId(), host: host);
        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        Assert.Equal(2, completed.GetProperty("steps")[1].GetProperty("attempts").GetInt32());
        Assert.Null(completed.GetProperty("steps")[1].GetProperty("error").GetString());
    }

    /// <summary>
    /// A response that takes longer than <c>SlowStepMarker.MarkAfter</c> is shown as processing while it runs; its outcome
    /// is written after that mark, never under it.
    /// </summary>
    [Fact]
    public async Task SlowResponse_IsShownAsProcessingWhileItRuns_ThenCompletesWithOneAttempt()
    {
        var marker = await CreateTicketWorkflowWithMarkerAsync("SLOW", "WAIT_WHILE_MARKER_EXISTS", "T-SLOW");

        var outcome = await host.Admin.PostEventAsync(new { @event = "TICKET_OPENED", record = new { id = "T-SLOW", title = "Takes a while" } });
        var url = $"/api/instances/{outcome.FirstInstanceId()}";
        var running = await host.Admin.WaitForAsync(url, i => i.GetProperty("steps")[1].GetProperty("status").GetString() == "Processing");
        File.Delete(marker);
        var completed = await host.Admin.WaitForInstanceAsync(outcome.FirstInstanceId(), host: host);

        var shown = running.GetProperty("steps")[1];
        Assert.Equal(1, shown.GetProperty("attempts").GetInt32());
        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        var done = completed.GetProperty("steps")[1];
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        Assert.Equal(1, done.GetProperty("attempts").GetInt32());
        Assert.Equal(shown.GetProperty("startedAt").GetDateTimeOffset(), done.GetProperty("startedAt").GetDateTimeOffset());
    }

    /// <summary>
    /// The completion's commit also releases the run lock; when that commit meets a change made elsewhere meanwhile, it
    /// rolls back and the lock is gone with it: the run takes the lock again, runs the step again (same idempotency key)
    /// and leaves no lock behind.
    /// </summary>
    [Fact]
    public async Task CompletionThatConflicts_RunsTheStepAgainUnderTheLock_AndLeavesNoLockBehind()
    {
        var marker = await CreateTicketWorkflowWithMarkerAsync("CONFLICT", "WAIT_WHILE_MARKER_EXISTS", "T-CONFLICT");
        var outcome = await host.Admin.PostEventAsync(new { @event = "TICKET_OPENED", record = new { id = "T-CONFLICT", title = "Moved meanwhile" } });
        var url = $"/api/instances/{outcome.FirstInstanceId()}";
        await host.Admin.WaitForAsync(url, i => i.GetProperty("steps")[1].GetProperty("status").GetString() == "Processing");

        await using (var scope = host.Services.CreateAsyncScope())
        {
            // What intake does to an instance it moves: a new row version, which the run's completion then conflicts with.
            var db = scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>();
            var instanceId = Guid.Parse(outcome.FirstInstanceId());
            await db.WorkflowInstances.Where(i => i.Id == instanceId).ExecuteUpdateAsync(set => set.SetProperty(i => i.UpdatedAt, i => i.UpdatedAt));
        }

        File.Delete(marker);
        var completed = await host.Admin.WaitForInstanceAsync(outcome.FirstInstanceId(), host: host);

        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        Assert.Equal(2, completed.GetProperty("steps")[1].GetProperty("attempts").GetInt32());
        Assert.Equal(0, await AdvisoryLocksHeldAsync());
    }

    [Fact]
    public async Task Retry_Returns409_WhenStepHasNotFailed()
    {
        await host.Admin.CreateWorkflowAsync(new
        {
            code = "NO-RETRY",
            description = "Completes",
            enabled = true,
            entryEvent = "PURCHASE_APPROVAL_REQUESTED",
            condition = "Record.No == \"NORETRY-1\"",
            responses = new object[] { new { function = "NOTE_PURCHASE_DOCUMENT", options = new { text = "done" } } },
        });
        var outcome = await host.Admin.PostEventAsync(new { @event = "PURCHASE_APPROVAL_REQUESTED", record = SampleRecords.PurchaseOrder("NORETRY-1", 1m) });
        await host.Admin.WaitForInstanceAsync(outcome.FirstInstanceId(), host: host);

        var retry = await host.Admin.PostAsync($"/api/instances/{outcome.FirstInstanceId()}/steps/2/retry", null);

        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
    }

    [Fact]
    public async Task RunnerStartedTwiceConcurrently_RunsEachResponseOnce()
    {
        var instanceId = await CreateUndispatchedInstanceAsync("TWICE-1");
        var runner = host.GetRequiredService<InstanceRunner>();

        await Task.WhenAll(runner.RunAsync(instanceId, CancellationToken.None), runner.RunAsync(instanceId, CancellationToken.None));

        var instance = await LoadAsync(instanceId);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.All(instance.Steps.Where(s => s.Type == StepType.Response), s => Assert.Equal(1, s.Attempts));
    }

    [Fact]
    public async Task OutboxRowLeftByACrash_IsDispatchedBySweep()
    {
        var instanceId = await CreateUndispatchedInstanceAsync("CRASH-1");

        var done = await host.Admin.WaitForInstanceAsync(instanceId.ToString(), host: host);

        Assert.Equal("Completed", done.GetProperty("status").GetString());
        var outbox = await WaitForDispatchedAsync(instanceId);
        Assert.NotNull(outbox.JobId);
    }

    [Fact]
    public async Task StepLeftProcessingByACrash_RunsAgainWithSameIdempotencyKey()
    {
        var instanceId = await CreateUndispatchedInstanceAsync("RESUME-1", dispatch: false);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>();
            var step = await db.InstanceSteps.SingleAsync(s => s.InstanceId == instanceId && s.StepId == "2");
            step.Status = StepStatus.Processing;
            step.Attempts = 1;
            await db.SaveChangesAsync();
        }

        await host.GetRequiredService<InstanceRunner>().RunAsync(instanceId, CancellationToken.None);

        var instance = await LoadAsync(instanceId);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(2, instance.Steps.Single(s => s.StepId == "2").Attempts);
    }

    /// <summary>What a crash right after the intake commit leaves: an instance and an outbox row nobody has dispatched.</summary>
    private async Task<Guid> CreateUndispatchedInstanceAsync(string documentNo, bool dispatch = true)
    {
        var code = $"X-{documentNo}";
        await host.Admin.CreateWorkflowAsync(new
        {
            code,
            description = "Two responses",
            enabled = false,
            entryEvent = "PURCHASE_APPROVAL_REQUESTED",
            responses = new object[]
            {
                new { function = "SET_PURCHASE_STATUS", options = new { status = "PendingApproval" } },
                new { function = "NOTE_PURCHASE_DOCUMENT", options = new { text = "noted" } },
            },
        });
        return await UndispatchedInstances.StartAsync(host, code, "PURCHASE_APPROVAL_REQUESTED", SampleRecords.PurchaseOrder(documentNo, 1m), dispatch);
    }

    /// <summary>
    /// A workflow for ticket <paramref name="ticketId"/> (its condition keeps it apart from the other ticket workflows of
    /// this host) whose one response, <paramref name="function"/>, watches a marker file that exists now; returns its path.
    /// </summary>
    private async Task<string> CreateTicketWorkflowWithMarkerAsync(string code, string function, string ticketId)
    {
        var marker = Path.Combine(host.Root, $"{code.ToLowerInvariant()}-marker");
        await File.WriteAllTextAsync(marker, "present");
        await host.Admin.CreateWorkflowAsync(new
        {
            code,
            description = $"{function} on a marker file",
            enabled = true,
            entryEvent = "TICKET_OPENED",
            condition = $"Record.Id == \"{ticketId}\"",
            responses = new object[] { new { function, options = new { markerFile = marker } } },
        });
        return marker;
    }

    /// <summary>Session advisory locks (the per-instance run locks) held by anyone in the host's database.</summary>
    private async Task<int> AdvisoryLocksHeldAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await AdvisoryLocks.HeldAsync(scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>());
    }

    /// <summary>
    /// The sweep enqueues the job before it commits the row's stamp, so a fast job can complete the instance while
    /// the stamp is still uncommitted: wait, bounded, for the stamp.
    /// </summary>
    private Task<OutboxMessage> WaitForDispatchedAsync(Guid instanceId) =>
        Poll.UntilAsync(
            async () =>
            {
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>();
                var outbox = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.InstanceId == instanceId);
                return (outbox.DispatchedAt is not null, outbox);
            },
            _ => Task.FromResult($"The outbox row of instance {instanceId} was never stamped as dispatched."));

    private async Task<WorkflowInstance> LoadAsync(Guid instanceId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>().WorkflowInstances
            .AsNoTracking().Include(i => i.Steps).SingleAsync(i => i.Id == instanceId);
    }
}
