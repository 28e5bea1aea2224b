using System.Diagnostics;
using System.Text.Json;
using WorkflowRules.LoadDriver.Infrastructure;

namespace WorkflowRules.LoadDriver.Scenarios;

/// <summary>
/// Plugin reload (issue 3, figure 6): the purchasing plugin's folder is replaced 50 times by a new build — alternately
/// copied over the old files and deleted then copied in — while events trickle in at 20/s. Each cycle waits until the
/// host reports the new version loaded. Every event must be accepted at the first attempt and start exactly one
/// instance, every instance must complete, and at the end the host's memory and its plugin load contexts must be
/// back where they were after warm-up.
/// </summary>
internal sealed class PluginReloadScenario : IScenario
{
    private const string Folder = "purchasing";

    // Memory: the host's working set may move by a few MB for reasons that are not a leak (heap sizing, JIT of rarely
    // used paths, the thread pool); a leaked plugin version costs its assemblies, its condition assembly and the
    // metadata of both, several MB each, so 50 leaked cycles would be far above this.
    private const double GrowthToleranceMegabytes = 20;

    public string Name => "reload";

    public string Description => "50 replace cycles of a plugin folder under 20 events/s: no error, no growth in memory or load contexts";

    public async Task RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var cycles = context.Pick(50, 3);
        var rate = context.Pick(20.0, 10.0);
        var (host, connectionString) = await context.StartHostAsync(Name, null, cancellationToken);
        await using (host)
        {
            var liveFolder = Path.Combine(host.Settings.PluginsDirectory, Folder);
            var releases = PluginReleases.Prepare(liveFolder, Path.Combine(context.ScenarioDirectory(Name), "releases"));
            await host.Client.CreateWorkflowAsync(PurchaseEvents.LargePurchaseWorkflow("LOAD-RELOAD"), cancellationToken);
            var sequence = 0;
            object Next(int _) => PurchaseEvents.ApprovalRequested(context.RunId + "-reload", Interlocked.Increment(ref sequence));

            // Warm-up: JIT, pools, the condition's compilation; then the trickle starts and a few replace cycles run
            // before the baseline, so reload paths, the trickle's connections and the heap's sizing for this load are
            // in place: what is measured afterwards is what each further cycle adds.
            var warmUp = await EventSender.ClosedLoopAsync(host.Client, 4, TimeSpan.FromMinutes(2), context.Pick(200, 20), Next, cancellationToken);
            using var stop = new CancellationTokenSource();
            var trickle = new PluginReloadTrickle();
            var sending = trickle.RunAsync(host.Client, rate, Next, stop.Token, cancellationToken);
            var reloadTimes = new List<double>();
            var samples = new List<string>();
            var done = 0;
            ContextCounts contextsBefore;
            long workingSetBefore;
            try
            {
                var warmCycles = context.Pick(6, 2);
                for (var cycle = 0; cycle < warmCycles; cycle++)
                {
                    await CycleAsync(host, releases, cycle, liveFolder, cancellationToken);
                }

                contextsBefore = await CollectAsync(host, TimeSpan.FromSeconds(30), cancellationToken);
                workingSetBefore = host.WorkingSetBytes();
                for (var cycle = 0; cycle < cycles; cycle++)
                {
                    reloadTimes.Add(await CycleAsync(host, releases, cycle, liveFolder, cancellationToken));
                    done++;
                    if (done % 10 == 0 && done < cycles)
                    {
                        await CollectAsync(host, TimeSpan.FromSeconds(10), cancellationToken);
                        samples.Add($"{done}: {Megabytes(host.WorkingSetBytes())}");
                    }
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            finally
            {
                await stop.CancelAsync();
                await sending;
            }

            var completed = await WaitForCompletedAsync(connectionString, sequence, cancellationToken);
            var check = await BurstCheck.RunAsync(connectionString, cancellationToken);
            var contextsAfter = await CollectAsync(host, TimeSpan.FromSeconds(60), cancellationToken);
            var workingSetAfter = host.WorkingSetBytes();

            var expected = warmUp.Accepted + trickle.Accepted;
            var noError = done == cycles && trickle.FailedAttempts == 0 && trickle.Failed == 0 && trickle.Unmatched == 0
                && completed && check.Instances == expected && check.CompletedInstances == expected
                && check.CompletedResponses == check.ResponseSteps && check.FailedJobs == 0;
            context.Report.Add(new Figure(Name, $"Replace cycles of plugin folder '{Folder}' under {rate:0} events/s ({releases.Versions[0]} ↔ {releases.Versions[1]}, overwrite / delete-and-copy alternately)",
                $"{done}/{cycles} cycles; {trickle.Sent} events sent, {trickle.FailedAttempts} failed attempts, {trickle.Failed} failed, {trickle.Unmatched} unmatched",
                "no error", noError));
            context.Report.Add(new Figure(Name, "Instances after the reloads (warm-up + trickle)", check.ToString().Replace(" steps re-run after the crash", " steps re-run", StringComparison.Ordinal)));
            context.Report.Add(new Figure(Name, "Folder written → new version reported Loaded (debounce 500 ms)", new Percentiles(reloadTimes).ToString()));
            foreach (var error in trickle.FirstErrors)
            {
                Console.WriteLine($"  error: {error}");
            }

            var growth = (workingSetAfter - workingSetBefore) / 1024.0 / 1024.0;
            var noGrowth = growth < GrowthToleranceMegabytes && contextsAfter.Unloaded == 0 && contextsAfter.Draining == 0 && contextsAfter.Loaded == contextsBefore.Loaded;
            context.Report.Add(new Figure(Name, "Host working set after warm-up (incl. replace cycles) → after the last cycle, each after a forced collection",
                $"{Megabytes(workingSetBefore)} → {Megabytes(workingSetAfter)} MB ({growth:+0.0;-0.0} MB){(samples.Count > 0 ? $"; after cycle {string.Join(", ", samples)} MB" : "")}",
                $"< {GrowthToleranceMegabytes:0} MB growth, no retired context alive", noGrowth));
            context.Report.Add(new Figure(Name, "Plugin load contexts at the end (GET /api/plugins/contexts after POST …/collect)",
                $"{contextsAfter.Alive} alive ({contextsAfter.Loaded} loaded, {contextsAfter.Draining} draining, {contextsAfter.Unloaded} unloaded not collected); {contextsAfter.Collected} collected since start (after warm-up: {contextsBefore.Alive} alive, {contextsBefore.Collected} collected)"));
        }
    }

    /// <summary>Lets events through on the running version for a second, then deploys the next release and waits for it.</summary>
    /// <returns>Milliseconds from the deployment's start to the new version reported loaded.</returns>
    private static async Task<double> CycleAsync(HostProcess host, PluginReleases releases, int cycle, string liveFolder, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var watch = Stopwatch.StartNew();
        await DeployAndWaitAsync(host, releases, (cycle + 1) % 2, liveFolder, replaceFolder: cycle % 2 == 1, cancellationToken);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task DeployAndWaitAsync(HostProcess host, PluginReleases releases, int release, string liveFolder, bool replaceFolder, CancellationToken cancellationToken)
    {
        releases.Deploy(release, liveFolder, replaceFolder);
        var version = releases.Versions[release];
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var plugins = await host.Client.GetJsonAsync("/api/plugins", cancellationToken);
            var status = plugins.EnumerateArray().FirstOrDefault(p => p.GetProperty("folder").GetString() == Folder);
            if (status.ValueKind == JsonValueKind.Object && status.GetProperty("state").GetString() == "Loaded"
                && status.GetProperty("version").GetString() == version
                && (!status.TryGetProperty("error", out var error) || error.ValueKind == JsonValueKind.Null))
            {
                return;
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"Plugin folder '{Folder}' was not reported Loaded at version {version} within 60 s: {status}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Asks the host to collect until no retired plugin context is left, for at most <paramref name="timeout"/>.</summary>
    private static async Task<ContextCounts> CollectAsync(HostProcess host, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var response = await host.Client.PostAsync(new Uri("/api/plugins/contexts/collect", UriKind.Relative), null, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var report = body.RootElement;
            var counts = new ContextCounts(
                report.GetProperty("alive").GetInt32(), report.GetProperty("loaded").GetInt32(), report.GetProperty("draining").GetInt32(),
                report.GetProperty("unloaded").GetInt32(), report.GetProperty("collected").GetInt64());
            if ((counts.Unloaded == 0 && counts.Draining == 0) || waited.Elapsed > timeout)
            {
                return counts;
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private static async Task<bool> WaitForCompletedAsync(string connectionString, int expected, CancellationToken cancellationToken) =>
        await DatabaseProbe.WaitForCountAsync(connectionString, InstanceLatency.CountCompleted, expected, TimeSpan.FromMinutes(5), cancellationToken);

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record ContextCounts(int Alive, int Loaded, int Draining, int Unloaded, long Collected);
}
