namespace WorkflowRules.Host.Tests.Workflows;

/// <summary>A workflow that fails one enabling check, and where and how that check must say so.</summary>
/// <param name="Workflow">The request, given the case's code.</param>
/// <param name="Key">The problem key that must carry the message (<c>steps[1].options.text</c>).</param>
/// <param name="Fragment">Text the message must contain, naming the step.</param>
/// <param name="Arrange">Other workflows the case needs, given the case's code (their codes derive from it).</param>
public sealed record InvalidShape(Func<string, object> Workflow, string Key, string Fragment, Func<HttpClient, string, Task>? Arrange = null);
