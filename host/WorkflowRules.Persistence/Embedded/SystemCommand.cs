using System.Diagnostics;

namespace WorkflowRules.Persistence.Embedded;

/// <summary>Runs a program to completion, optionally as another user (through runuser, when root).</summary>
internal static class SystemCommand
{
    public static async Task<CommandResult> RunAsync(
        string executable, IEnumerable<string> arguments, string? runAsUser, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = runAsUser is null ? executable : "runuser",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,

            // The service user may not be allowed into the caller's working directory (e.g. /root).
            WorkingDirectory = "/",
        };
        if (runAsUser is not null)
        {
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add(runAsUser);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(executable);
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Locale settings the machine lacks make initdb fail; the cluster is created with --no-locale anyway.
        startInfo.Environment["LC_ALL"] = "C";
        startInfo.Environment.Remove("PGDATA");

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        var standardOutput = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var standardError = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        return new CommandResult(process.ExitCode, await standardOutput, await standardError, timedOut);
    }
}
