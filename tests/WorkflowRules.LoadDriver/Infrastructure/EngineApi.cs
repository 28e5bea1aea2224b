using System.Net.Http.Json;
using System.Text.Json;

namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>The host API calls the scenarios make. Failures throw with the host's problem details in the message.</summary>
internal static class EngineApi
{
    public static async Task CreateWorkflowAsync(this HttpClient client, object workflow, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/api/workflows", workflow, cancellationToken);
        await EnsureSuccessAsync(response, "Creating a workflow", cancellationToken);
    }

    /// <summary>Posts an event; returns how many instances it started.</summary>
    public static async Task<int> PostEventAsync(this HttpClient client, object occurrence, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/api/events", occurrence, cancellationToken);
        await EnsureSuccessAsync(response, "Posting an event", cancellationToken);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return body.RootElement.GetProperty("instances").GetArrayLength();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync(response, $"GET {path}", cancellationToken);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return body.RootElement.Clone();
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"{what} failed with {(int)response.StatusCode}: {body}", null, response.StatusCode);
        }
    }
}
