namespace WorkflowRules.Plugins.Registration;

/// <summary>What is wrong with a plugin's declarations.</summary>
internal sealed class RegistrationProblems
{
    public List<string> Messages { get; } = [];

    /// <summary>Some problem is a clash with another loaded plugin, so it may go away when that plugin does.</summary>
    public bool HasConflict { get; private set; }

    public bool Any => Messages.Count > 0;

    public void Add(string message) => Messages.Add(message);

    public void AddConflict(string message)
    {
        Messages.Add(message);
        HasConflict = true;
    }

    public override string ToString() => string.Join(" ", Messages);
}
