using WorkflowRules.Plugins.Tests.Support;
using WorkflowRules.Sdk.Conditions;
using WorkflowRules.Sdk.Templates;

namespace WorkflowRules.Plugins.Tests;

/// <summary>Templates the product plugins ship as full step trees load as given, beside the simple ones.</summary>
public sealed class TemplateStepsTests
{
    [Fact]
    public async Task Steps_HoldTheApprovalLoop_WhenPurchasingLoads()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        await using var host = await CatalogHost.StartAsync(directory);

        var template = host.Catalog.Current.Templates.Single(t => t.Code == "PURCH-APPROVAL-LOOP");

        Assert.Equal("PURCHASE_APPROVAL_REQUESTED", template.EntryEvent);
        Assert.Equal("PURCH", template.Category);
        Assert.Null(template.Condition);
        Assert.Empty(template.Responses);
        Assert.Equal(
            [
                "1 Event PURCHASE_APPROVAL_REQUESTED <- - #1 -> - [Record.Amount > 1000]",
                "2 Response NOTE_PURCHASE_DOCUMENT <- 1 #1 -> - []",
                "3 Response SET_PURCHASE_STATUS <- 2 #1 -> - []",
                "4 Event PURCHASE_APPROVAL_ENTRY_APPROVED <- 3 #1 -> 2 [Approvals.Pending > 0]",
                "5 Event PURCHASE_APPROVAL_ENTRY_APPROVED <- 3 #2 -> - [Approvals.Pending == 0]",
                "6 Response RELEASE_PURCHASE_DOCUMENT <- 5 #1 -> - []",
                "7 Event PURCHASE_APPROVAL_ENTRY_REJECTED <- 3 #3 -> - []",
                "8 Response SET_PURCHASE_STATUS <- 7 #1 -> - []",
            ],
            template.Steps.Select(Describe));
        Assert.Equal(
            ["""{ "text": "Approval requested" }""", """{ "status": "PendingApproval" }""", """{ "status": "Open" }"""],
            template.Steps.Where(s => s.OptionsJson is not null).Select(s => s.OptionsJson));
    }

    [Fact]
    public async Task Steps_HoldBackAndApplyTheCreditLimit_WhenCustomersLoads()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("customers");
        await using var host = await CatalogHost.StartAsync(directory);

        var template = host.Catalog.Current.Templates.Single(t => t.Code == "CUST-CREDIT-APPROVAL");

        Assert.Equal(
            [
                "1 Event CUSTOMER_CHANGED <- - #1 -> - []",
                "2 Response REVERT_CUSTOMER_CREDIT_LIMIT <- 1 #1 -> - []",
                "3 Event CUSTOMER_CHANGE_APPROVED <- 2 #1 -> - []",
                "4 Response APPLY_CUSTOMER_CREDIT_LIMIT <- 3 #1 -> - []",
                "5 Event CUSTOMER_CHANGE_REJECTED <- 2 #2 -> - []",
            ],
            template.Steps.Select(Describe));
        Assert.Equal([new FieldChangeRule("CreditLimit", FieldChange.Increased)], template.Steps[0].ChangeRules);
    }

    [Fact]
    public async Task Templates_KeepTheirSimpleShape_WhenTheyGiveNoSteps()
    {
        using var directory = new PluginDirectory();
        directory.AddProductPlugin("purchasing");
        directory.AddProductPlugin("customers");
        await using var host = await CatalogHost.StartAsync(directory);

        var simple = host.Catalog.Current.Templates.Where(t => t.Steps.Count == 0).ToDictionary(t => t.Code);

        Assert.Equal(["PURCH-AUTO-RELEASE", "PURCH-OVER-1000", "SALES-CREDIT-RAISE"], simple.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Record.Amount <= 1000m", simple["PURCH-AUTO-RELEASE"].Condition);
        Assert.Equal(["BLOCK_CUSTOMER"], simple["SALES-CREDIT-RAISE"].Responses.Select(r => r.FunctionName));
    }

    private static string Describe(TemplateStep step) =>
        $"{step.Id} {step.Type} {step.FunctionName} <- {step.ParentId ?? "-"} #{step.Sequence} -> {step.NextStepId ?? "-"} [{step.Condition}]";
}
