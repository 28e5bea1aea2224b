namespace WorkflowRules.Plugins;

/// <summary>The outcome of reading a record from JSON: the typed record, or every problem found.</summary>
public sealed class RecordParseResult
{
    private RecordParseResult(object? value, IReadOnlyList<FieldError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public bool Succeeded => Errors.Count == 0;

    /// <summary>The record (an instance of the record type's CLR type) when <see cref="Succeeded"/>.</summary>
    public object? Value { get; }

    /// <summary>Every problem found; empty on success.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Where the first problem is (see <see cref="FieldError.Path"/>); null on success.</summary>
    public string? Path => Errors.Count > 0 ? Errors[0].Path : null;

    /// <summary>The first problem; null on success.</summary>
    public string? Message => Errors.Count > 0 ? Errors[0].Message : null;

    internal static RecordParseResult Success(object value) => new(value, []);

    internal static RecordParseResult Failure(IReadOnlyList<FieldError> errors) => new(null, errors);
}
