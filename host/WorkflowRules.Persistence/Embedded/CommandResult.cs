namespace WorkflowRules.Persistence.Embedded;

internal sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    public string Output => string.Join(Environment.NewLine, new[] { StandardOutput.Trim(), StandardError.Trim() }.Where(s => s.Length > 0));
}
