using System.Net.Http.Json;
using System.Text.Json;

namespace WorkflowRules.Host.Tests.Support;

/// <summary>The HTTP calls the tests make, written once.</summary>
public static class WorkflowApi
{
    public static async Task<JsonElement> CreateWorkflowAsync(this HttpClient client, object workflow)
    {
        var response = await client.PostAsJsonAsync("/api/workflows", workflow);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Creating the workflow failed with {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> PostEventAsync(this HttpClient client, object occurrence)
    {
        var response = await client.PostAsJsonAsync("/api/events", occurrence);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Posting the event failed with {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} failed with {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls an instance until it leaves Running (responses run in Hangfire jobs, asynchronously).</summary>
    public static Task<JsonElement> WaitForInstanceAsync(this HttpClient client, string instanceId, TimeSpan? timeout = null, WorkflowHost? host = null) =>
        Poll.UntilAsync(
            async () =>
            {
                var instance = await client.GetJsonAsync($"/api/instances/{instanceId}");
                return (instance.GetProperty("status").GetString() != "Running", instance);
            },
            async instance => $"Instance {instanceId} was still running after the wait: {instance} {(host is null ? "" : await host.DescribeJobsAsync(instanceId))}",
            timeout);

    /// <summary>Polls until <paramref name="condition"/> holds for the JSON at <paramref name="url"/>.</summary>
    public static Task<JsonElement> WaitForAsync(this HttpClient client, string url, Func<JsonElement, bool> condition, TimeSpan? timeout = null) =>
        Poll.UntilAsync(
            async () =>
            {
                var json = await client.GetJsonAsync(url);
                return (condition(json), json);
            },
            json => Task.FromResult($"{url} never reached the expected state; last: {json}"),
            timeout);

    public static string FirstInstanceId(this JsonElement eventOutcome) =>
        eventOutcome.GetProperty("instances")[0].GetProperty("id").GetString()!;
}
