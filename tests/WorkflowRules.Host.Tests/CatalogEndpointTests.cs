using System.Net;
using System.Text.Json;
using WorkflowRules.Host.Tests.Support;

namespace WorkflowRules.Host.Tests;

/// <summary>
/// <c>/api/catalog</c> over real HTTP, against the shipped plugins (purchasing, customers) and the flaky test plugin
/// loaded from their built folders.
/// </summary>
public sealed class CatalogEndpointTests(WorkflowHost host) : IClassFixture<WorkflowHost>
{
    [Fact]
    public async Task GetCatalog_ReturnsEveryPartInOneDocument_WhenPluginsAreLoaded()
    {
        var catalog = await host.Admin.GetJsonAsync("/api/catalog");

        Assert.Equal(
            ["generation", "categories", "recordTypes", "events", "responses", "combinations", "templates"],
            catalog.EnumerateObject().Select(p => p.Name));
        Assert.True(catalog.GetProperty("generation").GetInt64() > 0);
        Assert.Contains("PURCH", Strings(catalog.GetProperty("categories"), "code"));
        Assert.Contains("PurchaseApprovalEntry", Strings(catalog.GetProperty("recordTypes"), "name"));
        Assert.Contains("PURCHASE_APPROVAL_ENTRY_APPROVED", Strings(catalog.GetProperty("events"), "functionName"));
        Assert.Contains("APPLY_CUSTOMER_CREDIT_LIMIT", Strings(catalog.GetProperty("responses"), "functionName"));
        Assert.Contains("PURCH-APPROVAL-LOOP", Strings(catalog.GetProperty("templates"), "code"));
        Assert.Equal(JsonValueKind.Array, catalog.GetProperty("combinations").GetProperty("responsePairs").ValueKind);
    }

    [Fact]
    public async Task GetEvents_DescribesEachEventWithItsPlugin_WhenPluginsAreLoaded()
    {
        var events = await host.Admin.GetJsonAsync("/api/catalog/events");

        var approved = Single(events, "functionName", "PURCHASE_APPROVAL_ENTRY_APPROVED");
        Assert.Equal(
            """{"functionName":"PURCHASE_APPROVAL_ENTRY_APPROVED","description":"When an approver approves a purchase approval entry","category":"PURCH","recordType":"PurchaseApprovalEntry","carriesPreviousRecord":false,"pluginId":"purchasing","pluginVersion":"1.0.0"}""",
            approved.GetRawText());
        Assert.True(Single(events, "functionName", "CUSTOMER_CHANGED").GetProperty("carriesPreviousRecord").GetBoolean());
        Assert.Equal(Strings(events, "functionName").Order(StringComparer.Ordinal), Strings(events, "functionName"));
    }

    [Fact]
    public async Task GetResponses_DescribesTheOptionSchema_WhenAResponseTakesOptions()
    {
        var responses = await host.Admin.GetJsonAsync("/api/catalog/responses");

        var setStatus = Single(responses, "functionName", "SET_PURCHASE_STATUS");
        Assert.Equal("Then set the status of the purchase document", setStatus.GetProperty("description").GetString());
        Assert.Equal("PURCH", setStatus.GetProperty("category").GetString());
        Assert.Equal("purchasing", setStatus.GetProperty("pluginId").GetString());
        Assert.Equal("1.0.0", setStatus.GetProperty("pluginVersion").GetString());
        var option = Assert.Single(setStatus.GetProperty("options").EnumerateArray());
        Assert.Equal(
            """{"name":"status","type":"string","required":true,"description":"The status to set: Open, PendingApproval or Released.","allowedValues":["Open","PendingApproval","Released"]}""",
            option.GetRawText());
        Assert.Empty(Single(responses, "functionName", "APPLY_CUSTOMER_CREDIT_LIMIT").GetProperty("options").EnumerateArray());
    }

    [Fact]
    public async Task GetCombinations_ListsRulesIndependentsAndPairs_WhenPluginsDeclareThem()
    {
        var combinations = await host.Admin.GetJsonAsync("/api/catalog/combinations");

        var eventsAfterEvent = combinations.GetProperty("eventsAfterEvent").EnumerateArray()
            .Select(r => $"{r.GetProperty("precedingEvent").GetString()} > {r.GetProperty("followingEvent").GetString()}").ToList();
        Assert.Contains("PURCHASE_APPROVAL_REQUESTED > PURCHASE_APPROVAL_ENTRY_APPROVED", eventsAfterEvent);
        Assert.Contains("PURCHASE_APPROVAL_REQUESTED > PURCHASE_APPROVAL_ENTRY_REJECTED", eventsAfterEvent);
        Assert.Contains("CUSTOMER_CHANGED > CUSTOMER_CHANGE_APPROVED", eventsAfterEvent);
        var responsesAfterEvent = combinations.GetProperty("responsesAfterEvent").EnumerateArray()
            .Select(r => $"{r.GetProperty("precedingEvent").GetString()} > {r.GetProperty("response").GetString()}").ToList();
        Assert.Equal(["CUSTOMER_CHANGED > REVERT_CUSTOMER_CREDIT_LIMIT", "CUSTOMER_CHANGE_APPROVED > APPLY_CUSTOMER_CREDIT_LIMIT"], responsesAfterEvent);

        var independentEvents = Strings(combinations.GetProperty("independentEvents"));
        Assert.Contains("PURCHASE_APPROVAL_REQUESTED", independentEvents);
        Assert.Contains("TICKET_OPENED", independentEvents);
        Assert.DoesNotContain("PURCHASE_APPROVAL_ENTRY_APPROVED", independentEvents);
        var independentResponses = Strings(combinations.GetProperty("independentResponses"));
        Assert.Contains("SET_PURCHASE_STATUS", independentResponses);
        Assert.DoesNotContain("REVERT_CUSTOMER_CREDIT_LIMIT", independentResponses);
        Assert.Equal(
            """[{"response":"REVERT_CUSTOMER_CREDIT_LIMIT","requiredResponse":"APPLY_CUSTOMER_CREDIT_LIMIT","pluginId":"customers"}]""",
            combinations.GetProperty("responsePairs").GetRawText());
    }

    [Fact]
    public async Task GetCategories_ListsHostCategoriesThenPluginOnes_WhenAPluginDeclaresOne()
    {
        var categories = await host.Admin.GetJsonAsync("/api/catalog/categories");

        Assert.Equal(
            ["PURCH (host)", "SALES (host)", "FIN (host)", "ADMIN (host)", "INT (host)", "QA (flaky)"],
            categories.EnumerateArray().Select(c => $"{c.GetProperty("code").GetString()} ({c.GetProperty("pluginId").GetString() ?? "host"})"));
        Assert.Equal("Purchasing", categories[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task GetRecordTypes_DescribesNestedFieldsAndRelations_WhenPluginsDeclareThem()
    {
        var recordTypes = await host.Admin.GetJsonAsync("/api/catalog/record-types");

        var entry = Single(recordTypes, "name", "PurchaseApprovalEntry");
        Assert.Equal("purchasing", entry.GetProperty("pluginId").GetString());
        Assert.Equal("""[{"recordType":"PurchaseDocument","pluginId":"purchasing"}]""", entry.GetProperty("belongsTo").GetRawText());
        Assert.Equal(
            """{"name":"SequenceNo","jsonName":"sequenceNo","type":"integer","required":false,"comparable":true,"fields":[]}""",
            Single(entry.GetProperty("fields"), "name", "SequenceNo").GetRawText());

        var document = Single(recordTypes, "name", "PurchaseDocument");
        Assert.Empty(document.GetProperty("belongsTo").EnumerateArray());
        var lines = Single(document.GetProperty("fields"), "name", "Lines");
        Assert.Equal("list", lines.GetProperty("type").GetString());
        Assert.Equal(["Type", "No", "Quantity", "UnitCost"], Strings(lines.GetProperty("fields"), "name"));
        Assert.True(Single(lines.GetProperty("fields"), "name", "Quantity").GetProperty("comparable").GetBoolean());
        Assert.True(Single(document.GetProperty("fields"), "name", "No").GetProperty("required").GetBoolean());
    }

    [Fact]
    public async Task GetTemplates_IncludesStepTreesWithOptionsAsObjects_WhenATemplateGivesSteps()
    {
        var templates = await host.Admin.GetJsonAsync("/api/catalog/templates");

        var loop = Single(templates, "code", "PURCH-APPROVAL-LOOP");
        Assert.Equal("1.0.0", loop.GetProperty("pluginVersion").GetString());
        Assert.Equal(JsonValueKind.Null, loop.GetProperty("condition").ValueKind);
        var steps = loop.GetProperty("steps");
        Assert.Equal(8, steps.GetArrayLength());
        Assert.Equal("Event", steps[0].GetProperty("type").GetString());
        Assert.Equal("Record.Amount > 1000", steps[0].GetProperty("condition").GetString());
        Assert.Equal("Approval requested", Single(steps, "id", "2").GetProperty("options").GetProperty("text").GetString());
        Assert.Equal("2", Single(steps, "id", "4").GetProperty("nextStepId").GetString());

        var approval = Single(templates, "code", "CUST-CREDIT-APPROVAL");
        Assert.Equal("""[{"field":"CreditLimit","change":"Increased"}]""", approval.GetProperty("steps")[0].GetProperty("changeRules").GetRawText());

        var simple = Single(templates, "code", "PURCH-OVER-1000");
        Assert.Equal("Record.Amount > 1000m", simple.GetProperty("condition").GetString());
        Assert.Equal(2, simple.GetProperty("responses").GetArrayLength());
        Assert.Empty(simple.GetProperty("steps").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/catalog")]
    [InlineData("/api/catalog/events")]
    [InlineData("/api/catalog/responses")]
    [InlineData("/api/catalog/combinations")]
    [InlineData("/api/catalog/categories")]
    [InlineData("/api/catalog/record-types")]
    [InlineData("/api/catalog/templates")]
    public async Task Catalog_IsReadByAnyAuthenticatedCallerButNoAnonymousOne_WhenItIsRequested(string url)
    {
        using var application = host.CreateClient(await host.CreateKeyAsync("application"));
        using var anonymous = host.CreateClient(apiKey: null);

        var asApplication = await application.GetAsync(url);
        var asAnonymous = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, asApplication.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asAnonymous.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheCatalogViews_WhenItIsRequested()
    {
        var document = await host.Admin.GetJsonAsync("/openapi/v1.json");

        var schemas = document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        foreach (var name in new[] { "CatalogView", "CatalogEventView", "CatalogResponseView", "CatalogOptionView", "CatalogCombinationsView", "CatalogCategoryView", "CatalogRecordTypeView", "CatalogFieldView", "CatalogTemplateView", "TemplateStepView" })
        {
            Assert.Contains(name, schemas);
        }

        var events = document.GetProperty("paths").GetProperty("/api/catalog/events").GetProperty("get").GetProperty("responses").GetProperty("200").GetRawText();
        Assert.Contains("CatalogEventView", events, StringComparison.Ordinal);
    }

    private static List<string> Strings(JsonElement array, string? property = null) =>
        [.. array.EnumerateArray().Select(item => (property is null ? item : item.GetProperty(property)).GetString()!)];

    private static JsonElement Single(JsonElement array, string property, string value) =>
        Assert.Single(array.EnumerateArray(), item => item.GetProperty(property).GetString() == value);
}
