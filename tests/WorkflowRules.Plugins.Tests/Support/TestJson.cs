using System.Text.Json;

namespace WorkflowRules.Plugins.Tests.Support;

public static class TestJson
{
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static ResponseInvocation Invocation(object record, string? options, RecordingEventRaiser raiser, object? previous = null) =>
        new(record, previous, options is null ? null : Parse(options),
            new WorkflowRules.Sdk.Responses.WorkflowStepInfo(Guid.NewGuid(), "TEST-WF", 1, "step-2"), "alice", "key-1", raiser);
}
