namespace WorkflowRules.LoadDriver.Infrastructure;

/// <summary>One measured figure, with the issue's target when it has one.</summary>
/// <param name="Scenario">The scenario that measured it.</param>
/// <param name="Name">What was measured.</param>
/// <param name="Value">The figure, formatted with its unit.</param>
/// <param name="Target">The target, in words, or empty.</param>
/// <param name="Met">Whether the target is met; null when there is no target.</param>
internal sealed record Figure(string Scenario, string Name, string Value, string Target = "", bool? Met = null);

/// <summary>Collects the figures of a run and prints them as the Markdown table README.md quotes.</summary>
internal sealed class FigureReport
{
    private readonly List<Figure> _figures = [];

    public void Add(Figure figure)
    {
        _figures.Add(figure);
        Console.WriteLine($"  {figure.Name}: {figure.Value}{(figure.Target.Length > 0 ? $"  (target {figure.Target}: {(figure.Met == true ? "met" : "NOT met")})" : "")}");
    }

    public string ToMarkdown()
    {
        var lines = new List<string> { "| Scenario | Figure | Measured | Target | Met |", "|---|---|---|---|---|" };
        lines.AddRange(_figures.Select(f => $"| {f.Scenario} | {f.Name} | {f.Value} | {f.Target} | {f.Met switch { true => "yes", false => "**no**", null => "" }} |"));
        return string.Join(Environment.NewLine, lines);
    }
}
