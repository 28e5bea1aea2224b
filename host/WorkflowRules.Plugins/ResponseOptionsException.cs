namespace WorkflowRules.Plugins;

/// <summary>A response was invoked with options that do not validate.</summary>
public sealed class ResponseOptionsException : Exception
{
    public ResponseOptionsException()
        : this("", [])
    {
    }

    public ResponseOptionsException(string message)
        : base(message)
    {
        FunctionName = "";
        Errors = [];
    }

    public ResponseOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
        FunctionName = "";
        Errors = [];
    }

    public ResponseOptionsException(string functionName, IReadOnlyList<OptionError> errors)
        : base($"The options of {functionName} are invalid: " + string.Join("; ", errors.Select(e => e.Option.Length == 0 ? e.Message : $"{e.Option}: {e.Message}")))
    {
        FunctionName = functionName;
        Errors = errors;
    }

    public string FunctionName { get; }

    public IReadOnlyList<OptionError> Errors { get; }
}
