namespace WorkflowRules.LoadDriver.Scenarios;

/// <summary>One end-to-end measurement: sets up its own database and host, reports figures, cleans up.</summary>
internal interface IScenario
{
    /// <summary>The command-line name (e.g. <c>intake</c>).</summary>
    string Name { get; }

    string Description { get; }

    Task RunAsync(ScenarioContext context, CancellationToken cancellationToken);
}
