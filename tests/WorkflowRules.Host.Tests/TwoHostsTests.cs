using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowRules.Host.Tests.Support;
using WorkflowRules.Persistence;
using WorkflowRules.Persistence.Instances;

namespace WorkflowRules.Host.Tests;

/// <summary>Two hosts (each with its own Hangfire server, pools and plugin copies) on one database.</summary>
public sealed class TwoHostsTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task EventsPostedToBothHosts_RunEveryResponseExactlyOnceAndInOrder()
    {
        await using var second = host.StartAnotherHost();
        using var secondAdmin = WorkflowHost.CreateClient(second, WorkflowHost.AdminKey);
        await host.Admin.CreateWorkflowAsync(new
        {
            code = "TWO-HOSTS",
            description = "Three responses per instance",
            enabled = true,
            entryEvent = "PURCHASE_APPROVAL_REQUESTED",
            responses = new object[]
            {
                new { function = "SET_PURCHASE_STATUS", options = new { status = "PendingApproval" } },
                new { function = "NOTE_PURCHASE_DOCUMENT", options = new { text = "noted" } },
                new { function = "RELEASE_PURCHASE_DOCUMENT" },
            },
        });

        var posts = Enumerable.Range(1, 20).Select(i => (i % 2 == 0 ? host.Admin : secondAdmin)
            .PostEventAsync(new { @event = "PURCHASE_APPROVAL_REQUESTED", record = SampleRecords.PurchaseOrder($"TWO-{i}", i) }));
        var outcomes = await Task.WhenAll(posts);
        foreach (var outcome in outcomes)
        {
            var instance = await host.Admin.WaitForInstanceAsync(outcome.FirstInstanceId(), host: host);
            Assert.Equal("Completed", instance.GetProperty("status").GetString());
            Assert.Equal("Released", instance.GetProperty("record").GetProperty("status").GetString());
        }

        await using var scope = host.Services.CreateAsyncScope();
        var steps = await scope.ServiceProvider.GetRequiredService<WorkflowRulesDbContext>().InstanceSteps.AsNoTracking()
            .Where(s => s.Type == StepType.Response).ToListAsync();
        var ids = outcomes.Select(o => Guid.Parse(o.FirstInstanceId())).ToHashSet();
        var ours = steps.Where(s => ids.Contains(s.InstanceId)).ToList();
        Assert.Equal(60, ours.Count);
        Assert.All(ours, s => Assert.Equal(1, s.Attempts));
        foreach (var chain in ours.GroupBy(s => s.InstanceId))
        {
            var ordered = chain.OrderBy(s => int.Parse(s.StepId, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i - 1].CompletedAt <= ordered[i].StartedAt, $"Step {ordered[i].StepId} of {chain.Key} started before its predecessor completed.");
            }
        }
    }
}
