namespace WorkflowRules.Sdk.Responses;

/// <summary>The outcome of a response that completed.</summary>
public sealed class ResponseResult
{
    private ResponseResult(object? updatedRecord, string? message)
    {
        UpdatedRecord = updatedRecord;
        Message = message;
    }

    /// <summary>The record after the response changed it, or null when it is unchanged.</summary>
    public object? UpdatedRecord { get; }

    /// <summary>A short line for people reading the step (e.g. "Status set to Released").</summary>
    public string? Message { get; }

    /// <summary>The response completed without changing the record.</summary>
    public static ResponseResult Completed(string? message = null) => new(null, message);

    /// <summary>The response completed and changed the record; later responses see the new version.</summary>
    public static ResponseResult RecordChanged(object updatedRecord, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(updatedRecord);
        return new(updatedRecord, message);
    }
}
