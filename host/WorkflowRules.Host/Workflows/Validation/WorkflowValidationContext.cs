namespace WorkflowRules.Host.Workflows.Validation;

/// <summary>
/// The other workflows a check looks at: at least the enabled ones sharing a candidate's entry event and every
/// workflow its sub-workflow steps reach (see <see cref="WorkflowValidationContextLoader"/>).
/// </summary>
public sealed class WorkflowValidationContext
{
    private readonly Dictionary<string, KnownWorkflow> _byCode;

    public WorkflowValidationContext(IEnumerable<KnownWorkflow> workflows)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        _byCode = workflows.ToDictionary(w => w.Code, StringComparer.Ordinal);
    }

    public static WorkflowValidationContext Empty { get; } = new([]);

    public KnownWorkflow? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The enabled workflows (templates never are) whose entry event is <paramref name="eventName"/>, by code.</summary>
    public IEnumerable<KnownWorkflow> EnabledStartingWith(string eventName) =>
        _byCode.Values
            .Where(w => w.Enabled && w.Definition?.Root is { Type: Persistence.Instances.StepType.Event } root && root.FunctionName == eventName)
            .OrderBy(w => w.Code, StringComparer.Ordinal);
}
