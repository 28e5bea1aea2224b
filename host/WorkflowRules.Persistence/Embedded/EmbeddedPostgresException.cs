namespace WorkflowRules.Persistence.Embedded;

/// <summary>The embedded server could not start or stop; <see cref="Exception.Message"/> says what to do.</summary>
public sealed class EmbeddedPostgresException : Exception
{
    public EmbeddedPostgresException()
    {
    }

    public EmbeddedPostgresException(string message)
        : base(message)
    {
    }

    public EmbeddedPostgresException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EmbeddedPostgresException(EmbeddedPostgresError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    public EmbeddedPostgresError Error { get; }
}
