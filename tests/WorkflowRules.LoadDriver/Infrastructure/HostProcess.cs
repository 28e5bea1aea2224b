using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>
/// The real host, started as a separate process on a database of the driver's, exactly as an operator would run it
/// (its own appsettings.json, the built plugin folders, a known administrator key). Its output goes to a log file.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private HostProcess(Process process, StreamWriter log, Uri address, string logPath, HostSettings settings)
    {
        Settings = settings;
        _process = process;
        _log = log;
        LogPath = logPath;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(100),
        };
        Client.DefaultRequestHeaders.Add("X-Api-Key", settings.AdminKey);
    }

    /// <summary>How it was started, so a scenario can start it again on the same database.</summary>
    public HostSettings Settings { get; }

    public string LogPath { get; }

    /// <summary>Authenticated as the administrator.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts the host and returns once /health answers; <paramref name="settings"/> override appsettings.json.</summary>
    public static async Task<HostProcess> StartAsync(
        RepositoryLayout layout, HostSettings settings, string workDirectory, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [layout.HostAssembly])
        {
            WorkingDirectory = layout.HostDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        environment["ConnectionStrings__WorkflowRules"] = settings.ConnectionString;
        environment["Storage__Path"] = Path.Combine(workDirectory, "storage");
        environment["Access__BootstrapAdminKey"] = settings.AdminKey;
        environment["Plugins__Directory"] = settings.PluginsDirectory;
        environment["Conditions__ScriptsDirectory"] = Path.Combine(layout.Root, "scripts");
        environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings.Overrides)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        Directory.CreateDirectory(workDirectory);
        var logPath = Path.Combine(workDirectory, $"host-{port}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The host process did not start.");
        // Drained continuously: a host blocked on a full stdout pipe would measure the pipe, not the engine.
        process.OutputDataReceived += (_, line) => WriteLine(log, line.Data);
        process.ErrorDataReceived += (_, line) => WriteLine(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new HostProcess(process, log, new Uri($"http://127.0.0.1:{port}"), logPath, settings);
        await host.WaitUntilHealthyAsync(settings.StartTimeout, cancellationToken);
        return host;
    }

    /// <summary>Resident memory of the host process, from /proc (what the operating system charges it).</summary>
    public long WorkingSetBytes()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    /// <summary>CPU time the host process has used so far, user and kernel (from /proc on Linux).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Kills the host outright (SIGKILL), as a crash or an out-of-memory kill would.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the host shuts down gracefully (Hangfire server, outbox dispatcher) as under systemd.
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Client.Dispose();
        _process.Dispose();
        await _log.DisposeAsync();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} while starting; see {LogPath}.");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"The host was not healthy after {timeout.TotalSeconds:0} s; see {LogPath}.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static void WriteLine(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>How a scenario wants the host run.</summary>
internal sealed record HostSettings(string ConnectionString, string PluginsDirectory)
{
    /// <summary>Configuration keys (e.g. <c>Jobs:WorkerCount</c>) and values that override appsettings.json.</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The administrator key the host stores at its first start (the database is the driver's, so it is fixed per settings).</summary>
    public string AdminKey { get; init; } = "wr_0123456789ab_" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
}
