using System.Globalization;
using System.Text.RegularExpressions;

namespace WorkflowRules.Persistence.Embedded;

/// <summary>A folder with initdb, pg_ctl and postgres of one PostgreSQL major version.</summary>
internal sealed partial record PostgresBinaries(string Directory, int MajorVersion, string Version)
{
    private static readonly string[] Programs = ["initdb", "pg_ctl", "postgres"];

    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>
    /// The configured folder, else the candidate of <paramref name="requiredMajorVersion"/> (the version an
    /// existing cluster was created by), else the newest found.
    /// </summary>
    public static async Task<PostgresBinaries> FindAsync(string? configuredDirectory, int? requiredMajorVersion, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var candidates = new List<PostgresBinaries>();
        foreach (var directory in configuredDirectory is null ? CandidateDirectories() : [Path.GetFullPath(configuredDirectory)])
        {
            if (await ProbeAsync(directory, timeout, cancellationToken) is { } binaries && candidates.TrueForAll(c => c.Directory != binaries.Directory))
            {
                candidates.Add(binaries);
            }
        }

        var where = configuredDirectory is null ? "on PATH or under /usr/lib/postgresql/*/bin" : $"in {configuredDirectory}";
        if (candidates.Count == 0)
        {
            throw new EmbeddedPostgresException(
                EmbeddedPostgresError.BinariesNotFound,
                $"PostgreSQL server programs (initdb, pg_ctl, postgres) were not found {where}. " +
                "Install PostgreSQL (apt-get install postgresql) or set ConnectionStrings:WorkflowRules to use an existing server.");
        }

        if (requiredMajorVersion is { } required)
        {
            return candidates.Find(c => c.MajorVersion == required) ?? throw new EmbeddedPostgresException(
                EmbeddedPostgresError.BinariesNotFound,
                $"The data folder was created by PostgreSQL {required}, but only PostgreSQL " +
                $"{string.Join(", ", candidates.Select(c => c.Version))} was found {where}. " +
                $"Install PostgreSQL {required} (apt-get install postgresql-{required}), or move the data folder away to start an empty one.");
        }

        return candidates.MaxBy(c => c.MajorVersion)!;
    }

    private static IEnumerable<string> CandidateDirectories()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return directory;
        }

        foreach (var (root, pattern) in new[] { ("/usr/lib/postgresql", "*"), ("/usr", "pgsql-*") })
        {
            if (System.IO.Directory.Exists(root))
            {
                foreach (var directory in System.IO.Directory.EnumerateDirectories(root, pattern))
                {
                    yield return Path.Combine(directory, "bin");
                }
            }
        }

        yield return "/usr/local/pgsql/bin";
    }

    private static async Task<PostgresBinaries?> ProbeAsync(string directory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!Array.TrueForAll(Programs, p => File.Exists(Path.Combine(directory, p))))
        {
            return null;
        }

        // /usr/local/bin/initdb is often a link into /usr/lib/postgresql/<version>/bin.
        var initDb = Path.Combine(directory, "initdb");
        var realDirectory = Path.GetDirectoryName(File.ResolveLinkTarget(initDb, returnFinalTarget: true)?.FullName ?? initDb)!;
        if (!Array.TrueForAll(Programs, p => File.Exists(Path.Combine(realDirectory, p))))
        {
            realDirectory = directory;
        }

        var result = await SystemCommand.RunAsync(Path.Combine(realDirectory, "pg_ctl"), ["--version"], null, timeout, cancellationToken);
        var match = VersionPattern().Match(result.StandardOutput);
        return result.Succeeded && match.Success
            ? new PostgresBinaries(realDirectory, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[0].Value)
            : null;
    }

    [GeneratedRegex(@"(\d+)(\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
