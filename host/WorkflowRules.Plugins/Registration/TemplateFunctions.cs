using System.Text.Json;

namespace WorkflowRules.Plugins.Registration;

/// <summary>The events and responses templates and combination rules may name: the plugin's own and those of the plugins already loaded.</summary>
internal sealed class TemplateFunctions
{
    private readonly PluginBuilder _builder;
    private readonly CatalogContext _others;
    private readonly HashSet<string> _ownEvents;
    private readonly Dictionary<string, IResponseOperations> _ownResponses;

    public TemplateFunctions(PluginBuilder builder, CatalogContext others)
    {
        _builder = builder;
        _others = others;
        _ownEvents = builder.Events.Select(e => e.Definition.FunctionName).ToHashSet(StringComparer.Ordinal);
        _ownResponses = builder.Responses
            .DistinctBy(r => r.Definition.FunctionName, StringComparer.Ordinal)
            .ToDictionary(r => r.Definition.FunctionName, r => r.Operations, StringComparer.Ordinal);
    }

    public bool IsEvent(string? name) => name is not null && (_ownEvents.Contains(name) || _others.Events.ContainsKey(name));

    public bool IsResponse(string? name) => name is not null && (_ownResponses.ContainsKey(name) || _others.Responses.ContainsKey(name));

    /// <returns>The event, or null when neither this plugin nor a loaded one offers it.</returns>
    public TemplateEvent? FindEvent(string? name)
    {
        if (name is not null && _builder.Events.FirstOrDefault(e => e.Definition.FunctionName == name) is { } own)
        {
            var recordType = _builder.RecordTypes.FirstOrDefault(r => r.ClrType == own.RecordClrType);
            return new TemplateEvent(recordType?.Name ?? own.RecordClrType.Name, own.Definition.CarriesPreviousRecord, recordType is null ? null : Describe(recordType));
        }

        return name is not null && _others.Events.TryGetValue(name, out var other)
            ? new TemplateEvent(other.RecordType.Name, other.CarriesPreviousRecord, other.RecordType.Fields)
            : null;
    }

    /// <summary>Checks a template response's options the way the response itself will when it runs.</summary>
    /// <returns>Each problem as "option x: …" (or the bare message for the options as a whole).</returns>
    public IEnumerable<string> ValidateOptions(string? functionName, string? optionsJson)
    {
        Func<JsonElement?, IReadOnlyList<OptionError>>? validate =
            _ownResponses.TryGetValue(functionName ?? "", out var own) ? own.ValidateOptions
            : _others.Responses.TryGetValue(functionName ?? "", out var other) ? other.ValidateOptions
            : null;
        if (validate is null)
        {
            return ["not a response of this or any loaded plugin."];
        }

        if (!TemplateOptions.TryParse(optionsJson, out var options, out var parseError))
        {
            return [parseError!];
        }

        return validate(options).Select(e => e.Option.Length == 0 ? e.Message : $"option {e.Option}: {e.Message}");
    }

    private static IReadOnlyList<RecordFieldDescriptor>? Describe(RecordTypeDeclaration recordType)
    {
        try
        {
            return recordType.Operations.Fields;
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return null; // Reported with the record type.
        }
    }
}
