namespace WorkflowRules.Host.Workflows.Validation;

/// <summary>
/// Problems keyed by where they are (<c>code</c>, <c>steps[4].options.text</c>), several per key, in the order found;
/// the shape of RFC 9457 validation problem details' <c>errors</c>.
/// </summary>
public sealed class WorkflowProblems
{
    private readonly Dictionary<string, List<string>> _byKey = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public bool IsEmpty => Count == 0;

    public void Add(string key, string message)
    {
        if (!_byKey.TryGetValue(key, out var messages))
        {
            _byKey[key] = messages = [];
        }

        if (!messages.Contains(message, StringComparer.Ordinal))
        {
            messages.Add(message);
            Count++;
        }
    }

    public void AddRange(IEnumerable<KeyValuePair<string, string[]>> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var (key, messages) in problems)
        {
            foreach (var message in messages)
            {
                Add(key, message);
            }
        }
    }

    /// <summary>The problems with every key passed through <paramref name="rename"/> (e.g. into the simple shape's field names).</summary>
    public WorkflowProblems Rename(Func<string, string> rename)
    {
        ArgumentNullException.ThrowIfNull(rename);
        var renamed = new WorkflowProblems();
        foreach (var (key, messages) in _byKey)
        {
            messages.ForEach(message => renamed.Add(rename(key), message));
        }

        return renamed;
    }

    public Dictionary<string, string[]> ToDictionary() =>
        _byKey.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}
