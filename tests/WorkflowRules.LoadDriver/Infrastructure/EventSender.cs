using System.Collections.Concurrent;
using System.Diagnostics;

namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>Sends events to the host: as fast as a number of concurrent clients can (closed loop) or at a fixed rate (open loop).</summary>
internal static class EventSender
{
    /// <summary>
    /// <paramref name="concurrency"/> clients each post, wait for the answer and post again, for <paramref name="duration"/>
    /// or until <paramref name="maxEvents"/> were sent. A failed post is retried with the same idempotency key
    /// (at most 5 times), as an application would; a post that never succeeds counts as failed.
    /// </summary>
    public static async Task<SendResult> ClosedLoopAsync(
        HttpClient client, int concurrency, TimeSpan duration, int maxEvents, Func<int, object> makeEvent, CancellationToken cancellationToken)
    {
        var next = -1;
        var accepted = 0;
        var failed = 0;
        var watch = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (watch.Elapsed < duration)
            {
                var number = Interlocked.Increment(ref next);
                if (number >= maxEvents)
                {
                    return;
                }

                if (await PostWithRetriesAsync(client, makeEvent(number), cancellationToken))
                {
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        });
        await Task.WhenAll(clients);
        return new SendResult(accepted, failed, watch.Elapsed, new Percentiles([]));
    }

    /// <summary>
    /// Loads the host in closed-loop windows until its throughput stops rising — at least <paramref name="minimum"/>, then
    /// until three windows in a row are no more than 3 % above the best one before — or <paramref name="limit"/> passes.
    /// A .NET host keeps getting faster for a while under load (tiered compilation replaces instrumented code with
    /// optimized code on a background thread, in steps), and a figure taken before that measures the warm-up, not the
    /// engine. Returns the load time until steady.
    /// </summary>
    public static async Task<TimeSpan> WarmUpUntilSteadyAsync(
        HttpClient client, int concurrency, TimeSpan window, TimeSpan minimum, TimeSpan limit, Func<int, object> makeEvent, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var best = 0d;
        var flatWindows = 0;
        while ((flatWindows < 3 || watch.Elapsed < minimum) && watch.Elapsed < limit)
        {
            var rate = (await ClosedLoopAsync(client, concurrency, window, int.MaxValue, makeEvent, cancellationToken)).PerSecond;
            flatWindows = rate > best * 1.03 ? 0 : flatWindows + 1;
            best = Math.Max(best, rate);
        }

        return watch.Elapsed;
    }

    /// <summary>
    /// Posts <paramref name="rate"/> events a second for <paramref name="duration"/>, whether or not earlier answers
    /// came back. Latency is measured from when a post was due, not when it was sent, so a stalled host cannot hide
    /// its stall by delaying the driver (coordinated omission).
    /// </summary>
    public static async Task<SendResult> OpenLoopAsync(
        HttpClient client, double rate, TimeSpan duration, Func<int, object> makeEvent, CancellationToken cancellationToken)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new ConcurrentBag<double>();
        var inFlight = new List<Task>(total);
        var failed = 0;
        var watch = Stopwatch.StartNew();
        for (var number = 0; number < total; number++)
        {
            var due = TimeSpan.FromSeconds(number / rate);
            var wait = due - watch.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            var occurrence = makeEvent(number);
            inFlight.Add(Task.Run(
                async () =>
                {
                    if (await PostWithRetriesAsync(client, occurrence, cancellationToken))
                    {
                        latencies.Add((watch.Elapsed - due).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                    }
                },
                cancellationToken));
        }

        await Task.WhenAll(inFlight);
        return new SendResult(latencies.Count, failed, watch.Elapsed, new Percentiles(latencies));
    }

    private static async Task<bool> PostWithRetriesAsync(HttpClient client, object occurrence, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.PostEventAsync(occurrence, cancellationToken);
                return true;
            }
            catch (HttpRequestException exception) when (attempt < 5)
            {
                Console.Error.WriteLine($"  post failed (attempt {attempt}, retrying): {exception.Message}");
                await Task.Delay(100 * attempt, cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                Console.Error.WriteLine($"  post failed for good: {exception.Message}");
                return false;
            }
        }
    }
}

/// <summary>What a send produced: accepted and failed posts, the time it took, and the answer latencies (open loop).</summary>
internal sealed record SendResult(int Accepted, int Failed, TimeSpan Elapsed, Percentiles Latency)
{
    public double PerSecond => Accepted / Elapsed.TotalSeconds;
}
