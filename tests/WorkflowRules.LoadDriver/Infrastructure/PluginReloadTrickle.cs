using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>
/// A steady trickle of events while plugins are replaced. Unlike <see cref="EventSender"/> it counts every failed
/// attempt, not only posts that never succeed: a retry would hide a moment when the event was unknown. A failed post
/// is still retried with the same idempotency key (so the instance count stays exact), and each answer must say that
/// exactly one instance started.
/// </summary>
internal sealed class PluginReloadTrickle
{
    private readonly ConcurrentQueue<string> _errors = new();
    private int _sent;
    private int _accepted;
    private int _failedAttempts;
    private int _failed;
    private int _unmatched;

    public int Sent => Volatile.Read(ref _sent);

    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Attempts answered with an error (or not at all), including those a retry then fixed.</summary>
    public int FailedAttempts => Volatile.Read(ref _failedAttempts);

    /// <summary>Events never accepted, even after retries.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Accepted events that did not start exactly one instance.</summary>
    public int Unmatched => Volatile.Read(ref _unmatched);

    /// <summary>The first few error messages, to say what went wrong.</summary>
    public IReadOnlyList<string> FirstErrors => [.. _errors.Take(5)];

    /// <summary>Posts <paramref name="rate"/> events a second until <paramref name="stop"/> is cancelled, then waits for the answers.</summary>
    public async Task RunAsync(HttpClient client, double rate, Func<int, object> makeEvent, CancellationToken stop, CancellationToken cancellationToken)
    {
        var inFlight = new List<Task>();
        var watch = Stopwatch.StartNew();
        for (var number = 0; !stop.IsCancellationRequested; number++)
        {
            var wait = TimeSpan.FromSeconds(number / rate) - watch.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
            }

            Interlocked.Increment(ref _sent);
            var occurrence = makeEvent(number);
            inFlight.Add(Task.Run(() => PostAsync(client, occurrence, cancellationToken), cancellationToken));
        }

        await Task.WhenAll(inFlight);
    }

    private async Task PostAsync(HttpClient client, object occurrence, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            try
            {
                using var response = await client.PostAsJsonAsync("/api/events", occurrence, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new HttpRequestException($"{(int)response.StatusCode}: {body}");
                }

                Interlocked.Increment(ref _accepted);
                using var document = JsonDocument.Parse(body);
                var instances = document.RootElement.GetProperty("instances").GetArrayLength();
                if (instances != 1)
                {
                    Interlocked.Increment(ref _unmatched);
                    _errors.Enqueue($"started {instances.ToString(CultureInfo.InvariantCulture)} instances: {body}");
                }

                return;
            }
            catch (HttpRequestException exception)
            {
                Interlocked.Increment(ref _failedAttempts);
                _errors.Enqueue($"attempt {attempt.ToString(CultureInfo.InvariantCulture)}: {exception.Message}");
                await Task.Delay(100 * attempt, cancellationToken);
            }
        }

        Interlocked.Increment(ref _failed);
    }
}
