using WorkflowRules.Plugins.Tests.Support;

namespace WorkflowRules.Plugins.Tests;

/// <summary>APPLY_CUSTOMER_CREDIT_LIMIT of the customers plugin, run through its response descriptor.</summary>
public sealed class ApplyCreditLimitResponseTests
{
    [Fact]
    public async Task InvokeAsync_AppliesTheOriginalLimit_WhenTheLimitIsStillTheRevertedOne()
    {
        var (json, message) = await ApplyAsync(current: 20000, original: 90000, previous: 20000);

        Assert.Equal("Credit limit of C-1 raised from 20000 to 90000 as approved", message);
        Assert.Contains("\"creditLimit\":90000", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_SkipsWithAMessage_WhenTheLimitWasChangedSinceItWasHeldBack()
    {
        var (json, message) = await ApplyAsync(current: 30000, original: 90000, previous: 20000);

        Assert.Null(json);
        Assert.Equal("Skipped: the credit limit of C-1 was changed to 30000 since it was held back, so 90000 was not applied", message);
    }

    [Fact]
    public async Task InvokeAsync_ChangesNothing_WhenTheNewLimitIsAlreadyApplied()
    {
        var (json, message) = await ApplyAsync(current: 90000, original: 90000, previous: 20000);

        Assert.Null(json);
        Assert.Equal("Credit limit of C-1 is already 90000", message);
    }

    [Fact]
    public async Task InvokeAsync_Throws_WhenTheEventCarriedNoPreviousRecord()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => ApplyAsync(current: 20000, original: 90000, previous: null));

        Assert.StartsWith("APPLY_CUSTOMER_CREDIT_LIMIT needs the customer as the change left it and its previous version", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<(string? Json, string? Message)> ApplyAsync(decimal current, decimal original, decimal? previous)
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("customers");
        await using var host = await CatalogHost.StartAsync(directory);
        using var lease = host.Catalog.Acquire();
        var customer = lease.Snapshot.RecordTypes["Customer"];
        object Customer(decimal limit) => customer.Parse(TestJson.Parse($$"""{ "no": "C-1", "name": "Adatum", "creditLimit": {{limit}} }""")).Value!;
        var invocation = TestJson.Invocation(Customer(current), null, new RecordingEventRaiser(), previous is { } p ? Customer(p) : null)
            with { OriginalRecord = Customer(original) };

        var result = await lease.Snapshot.Responses["APPLY_CUSTOMER_CREDIT_LIMIT"].InvokeAsync(invocation, CancellationToken.None);

        return (result.UpdatedRecord is null ? null : customer.Serialize(result.UpdatedRecord), result.Message);
    }
}
