using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkflowRules.Host.Tests.Support;

namespace WorkflowRules.Host.Tests.Events;

/// <summary>A host that stores one posted event at a time and lets one more wait.</summary>
public sealed class NarrowIntakeWorkflowHost() : WorkflowHost(new Dictionary<string, string?>
{
    ["Intake:ConcurrentRequests"] = "1",
    ["Intake:QueueLimit"] = "1",
})
{
}

/// <summary>
/// Posts beyond Intake:ConcurrentRequests wait their turn; past Intake:QueueLimit they are refused with a 503 problem
/// and Retry-After, and nothing of them is stored.
/// </summary>
public sealed class IntakeLimitTests(NarrowIntakeWorkflowHost host) : IClassFixture<NarrowIntakeWorkflowHost>
{
    private const string Requested = "PURCHASE_APPROVAL_REQUESTED";

    [Fact]
    public async Task PostsBeyondTheBound_Wait_AndPastTheQueueAreRefusedWith503_StoringNothing()
    {
        // The first post's insert sleeps in PostgreSQL, so it holds the one permit while the others arrive.
        await host.ExecuteSqlAsync(
            """
            CREATE FUNCTION workflow.test_hold_intake() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.record_key LIKE '%HOLD-1%' THEN PERFORM pg_sleep(4); END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_hold_intake BEFORE INSERT ON workflow.received_events
                FOR EACH ROW EXECUTE FUNCTION workflow.test_hold_intake();
            """);

        var holding = PostAsync("HOLD-1");
        await Poll.UntilAsync(
            async () =>
            {
                var sleeping = await host.QueryScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'");
                return (sleeping == 1, sleeping);
            },
            sleeping => Task.FromResult($"The held post never reached its insert ({sleeping} sessions sleeping)."),
            TimeSpan.FromSeconds(10));

        // Two more arrive while it holds: whichever the limiter sees first waits in the one queue place, the other is
        // refused at once.
        var second = PostAsync("HOLD-2");
        var third = PostAsync("HOLD-3");
        var answeredFirst = await Task.WhenAny(second, third);
        var (waiting, refusedNo) = answeredFirst == second ? (third, "HOLD-2") : (second, "HOLD-3");
        using var refused = await answeredFirst;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Contains("Intake:ConcurrentRequests", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(waiting.IsCompleted, "The queued post should still be waiting behind the held one.");

        using var held = await holding;
        using var queued = await waiting;
        Assert.Equal(HttpStatusCode.Accepted, held.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        Assert.Equal(0, await host.QueryScalarAsync<long>($"SELECT count(*) FROM workflow.received_events WHERE record_key LIKE '%{refusedNo}%'"));

        using var retried = await PostAsync(refusedNo);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string documentNo) =>
        host.Admin.PostAsJsonAsync("/api/events", new { @event = Requested, record = SampleRecords.PurchaseOrder(documentNo, 10m) });
}
