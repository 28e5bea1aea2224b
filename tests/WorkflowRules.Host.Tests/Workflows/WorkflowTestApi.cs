using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WorkflowRules.Host.Tests.Workflows;

/// <summary>The workflow API calls of these tests: any method, any status, the body as JSON.</summary>
public static class WorkflowTestApi
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(
        this HttpClient client, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Sends and asserts the status, showing the body when it differs.</summary>
    public static async Task<JsonElement> ExpectAsync(
        this HttpClient client, HttpStatusCode expected, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        var (status, json) = await client.SendAsync(method, url, body, ifMatch);
        Assert.True(status == expected, $"{method} {url}: expected {(int)expected}, got {(int)status}: {json}");
        return json;
    }

    /// <summary>The messages of a problem (or of a view's problems) under <paramref name="key"/>; empty when there are none.</summary>
    public static IReadOnlyList<string> MessagesAt(this JsonElement problems, string key)
    {
        var errors = problems.TryGetProperty("errors", out var e) ? e : problems;
        return errors.TryGetProperty(key, out var messages) ? [.. messages.EnumerateArray().Select(m => m.GetString()!)] : [];
    }

    public static void AssertProblem(this JsonElement problems, string key, string fragment)
    {
        var messages = problems.MessagesAt(key);
        Assert.True(
            messages.Any(m => m.Contains(fragment, StringComparison.Ordinal)),
            $"Expected a problem at '{key}' containing \"{fragment}\"; got {problems}");
    }

    public static List<string> Codes(this JsonElement array, string property = "code") =>
        [.. array.EnumerateArray().Select(item => item.GetProperty(property).GetString()!)];
}
