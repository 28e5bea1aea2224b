namespace WorkflowRules.Persistence.Embedded;

/// <summary>Why <see cref="EmbeddedPostgresServer"/> could not start or stop.</summary>
public enum EmbeddedPostgresError
{
    /// <summary>initdb, pg_ctl or postgres was not found, or is not the version the cluster needs.</summary>
    BinariesNotFound,

    /// <summary>Another live process owns the data folder.</summary>
    DataDirectoryInUse,

    /// <summary>The folder is not empty and is not a cluster this class created.</summary>
    DataDirectoryInvalid,

    /// <summary>Running as root, but there is no unprivileged <c>postgres</c> user to run the server as.</summary>
    NoServiceUser,

    /// <summary>initdb failed.</summary>
    InitializationFailed,

    /// <summary>pg_ctl start failed or timed out; the message carries the end of the server log.</summary>
    StartFailed,

    /// <summary>pg_ctl stop failed or timed out.</summary>
    StopFailed,
}
