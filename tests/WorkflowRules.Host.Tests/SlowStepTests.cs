using WorkflowRules.Host.Tests.Support;

namespace WorkflowRules.Host.Tests;

/// <summary>
/// A response that takes longer than <c>SlowStepMarker.MarkAfter</c> is shown as processing while it runs; its outcome
/// is written after that mark, never under it.
/// </summary>
public sealed class SlowStepTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task SlowResponse_IsShownAsProcessingWhileItRuns_ThenCompletesWithOneAttempt()
    {
        var marker = Path.Combine(host.Root, "slow-marker");
        File.WriteAllText(marker, "present");
        await host.Admin.CreateWorkflowAsync(new
        {
            code = "SLOW",
            description = "Runs while the marker exists",
            enabled = true,
            entryEvent = "TICKET_OPENED",
            responses = new object[] { new { function = "WAIT_WHILE_MARKER_EXISTS", options = new { markerFile = marker } } },
        });

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
}
