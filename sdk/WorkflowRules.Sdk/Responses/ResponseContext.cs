namespace WorkflowRules.Sdk.Responses;

/// <summary>Everything a response needs to run one step of one workflow instance.</summary>
/// <typeparam name="TOptions">The response's typed options.</typeparam>
public sealed class ResponseContext<TOptions>
    where TOptions : class
{
    private readonly object? _originalRecord;

    /// <summary>The instance's current record (as changed by earlier responses of the chain).</summary>
    public required object Record { get; init; }

    /// <summary>The previous version of the record, when the triggering event carried one.</summary>
    public object? PreviousRecord { get; init; }

    /// <summary>
    /// The record as the event that started the instance carried it, before any response changed it (what a
    /// reverted change is applied from). The same as <see cref="Record"/> until a response changes the record.
    /// </summary>
    public object OriginalRecord
    {
        get => _originalRecord ?? Record;
        init => _originalRecord = value;
    }

    /// <summary>The options set on this step, already validated.</summary>
    public required TOptions Options { get; init; }

    /// <summary>The workflow instance and step being run.</summary>
    public required WorkflowStepInfo Step { get; init; }

    /// <summary>The user whose action triggered the instance.</summary>
    public required string ActingUser { get; init; }

    /// <summary>Stable across retries of this step: use it to make side effects idempotent.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Raises follow-up events; they are handled after this instance's responses have run.</summary>
    public required IWorkflowEventRaiser Events { get; init; }

    /// <summary>The record as its declared type.</summary>
    /// <exception cref="InvalidCastException">The record is not a <typeparamref name="TRecord"/>.</exception>
    public TRecord GetRecord<TRecord>()
        where TRecord : class => (TRecord)Record;
}
