namespace WorkflowRules.Persistence.Embedded;

/// <summary>How <see cref="EmbeddedPostgresServer"/> runs a private PostgreSQL cluster.</summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>
    /// The cluster's folder; created and initialised when missing or empty, reused otherwise.
    /// A sibling file <c>&lt;folder&gt;.lock</c> marks which process owns it.
    /// </summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one at each start.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Off trades crash safety for speed (fsync, synchronous_commit and full_page_writes off):
    /// for test clusters only.
    /// </summary>
    public bool Fsync { get; set; } = true;

    /// <summary>
    /// Folder holding initdb, pg_ctl and postgres. When null, searched on PATH and under
    /// /usr/lib/postgresql/*/bin, /usr/pgsql-*/bin and /usr/local/pgsql/bin: the version that
    /// created an existing cluster wins, else the newest.
    /// </summary>
    public string? BinariesDirectory { get; set; }

    /// <summary>Created at start when missing; <see cref="EmbeddedPostgresServer.ConnectionString"/> points at it. Null: none.</summary>
    public string? DatabaseName { get; set; } = "workflowrules";

    public int MaxConnections { get; set; } = 100;

    /// <summary>Bounds each initdb, start and stop.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
