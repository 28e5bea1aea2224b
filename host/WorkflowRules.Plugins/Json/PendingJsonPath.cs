namespace WorkflowRules.Plugins.Json;

/// <summary>
/// The path to a value, spelled out only when asked: most values of a record pass their checks, and building a path
/// string for each of them cost every record read a string per field.
/// </summary>
internal readonly struct PendingJsonPath
{
    private readonly string _parent;
    private readonly string? _name;
    private readonly int _index;

    private PendingJsonPath(string parent, string? name, int index) => (_parent, _name, _index) = (parent, name, index);

    public static PendingJsonPath Root => new("", null, -1);

    public static PendingJsonPath Property(string parent, string name) => new(parent, name, -1);

    public static PendingJsonPath Index(string parent, int index) => new(parent, null, index);

    public override string ToString() =>
        _name is not null ? JsonPaths.Property(_parent, _name) : _index >= 0 ? JsonPaths.Index(_parent, _index) : _parent;
}
