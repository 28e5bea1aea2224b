using System.Text.Json;

namespace WorkflowRules.Host.Tests.Support;

/// <summary>Reading instances as the API returns them.</summary>
public static class InstanceJson
{
    public static JsonElement Step(JsonElement instance, string stepId) =>
        instance.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stepId").GetString() == stepId);

    /// <summary>Waits until the step has the status (and activation) and no response of the instance is left to run.</summary>
    public static Task<JsonElement> WaitForStepAsync(this HttpClient client, string instanceId, string stepId, string status, int? activation = null) =>
        client.WaitForAsync($"/api/instances/{instanceId}", instance =>
            instance.GetProperty("steps").EnumerateArray().Any(s => s.GetProperty("stepId").GetString() == stepId
                && s.GetProperty("status").GetString() == status
                && (activation is null || s.GetProperty("activation").GetInt32() == activation))
            && !instance.GetProperty("steps").EnumerateArray().Any(s => s.GetProperty("type").GetString() == "Response"
                && s.GetProperty("status").GetString() is "Active" or "Processing"));
}
