using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Host.Tests.Support;
using WorkflowRules.Persistence;

namespace WorkflowRules.Host.Tests.Jobs;

/// <summary>
/// What the gathering tests post, on a host whose dispatcher lets rows gather after a claim: a lone event, claimed at
/// once, then eight more together while the dispatcher waits, so that its next claim holds all eight.
/// </summary>
public static class GatheredClaims
{
    private const string Requested = "PURCHASE_APPROVAL_REQUESTED";

    /// <summary>Creates a one-response workflow <paramref name="code"/> and posts the events; returns the instances they started.</summary>
    public static async Task<(Guid Lone, IReadOnlyList<Guid> Gathered)> PostAsync(WorkflowHost host, string code)
    {
        await host.Admin.CreateWorkflowAsync(new
        {
            code,
            description = "One response",
            enabled = true,
            entryEvent = Requested,
            responses = new object[] { new { function = "SET_PURCHASE_STATUS", options = new { status = "PendingApproval" } } },
        });

        var lone = Guid.Parse((await host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder($"{code}-0", 1m) })).FirstInstanceId());
        await DispatchedRowsAsync(host, 1);
        var posts = Enumerable.Range(1, 8).Select(n => host.Admin.PostEventAsync(new { @event = Requested, record = SampleRecords.PurchaseOrder($"{code}-{n}", 1m) }));
        var gathered = (await Task.WhenAll(posts)).Select(outcome => Guid.Parse(outcome.FirstInstanceId())).ToList();
        return (lone, gathered);
    }

    /// <summary>Waits until at least <paramref name="count"/> outbox rows were handed to Hangfire and returns those that were.</summary>
    public static Task<List<DispatchedRow>> DispatchedRowsAsync(WorkflowHost host, int count) => Poll.UntilAsync(
        async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>().OutboxMessages.AsNoTracking()
                .Where(r => r.DispatchedAt != null).ToListAsync();
            return (rows.Count >= count, rows.Select(r => new DispatchedRow(r.InstanceId, r.JobId!, r.DispatchedAt!.Value)).ToList());
        },
        rows => Task.FromResult($"{rows.Count} outbox rows were dispatched, not {count}."));
}

/// <summary>An outbox row as the dispatcher left it: the job it went out in, and when.</summary>
public sealed record DispatchedRow(Guid InstanceId, string JobId, DateTimeOffset DispatchedAt);
