using System.Text.Json;

namespace WorkflowRules.Host.Events;

/// <summary>An event occurrence posted by an application.</summary>
public sealed record EventRequest
{
    /// <summary>The event's function name (GET /api/catalog/events lists them).</summary>
    public string? Event { get; init; }

    /// <summary>The record, shaped as the event's record type.</summary>
    public JsonElement? Record { get; init; }

    /// <summary>The record before the change, for events that carry it.</summary>
    public JsonElement? PreviousRecord { get; init; }

    /// <summary>The user who acted in the application; defaults to the API key's name.</summary>
    public string? User { get; init; }

    /// <summary>When it happened; defaults to now.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>Makes a retried post safe: the same key returns the first outcome instead of storing the event twice.</summary>
    public string? IdempotencyKey { get; init; }
}
