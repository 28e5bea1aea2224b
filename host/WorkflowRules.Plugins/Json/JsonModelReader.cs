using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WorkflowRules.Plugins.Json;

/// <summary>Reads a plugin type (record or options) from JSON: shape check, deserialization, then data annotations.</summary>
internal static class JsonModelReader
{
    public static ModelReadResult<T> Read<T>(JsonElement json, JsonSerializerOptions options, JsonContracts contracts)
        where T : class
    {
        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var errors = new List<FieldError>();
        JsonShapeChecker.Check(json, typeInfo, contracts, errors);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        T? value;
        try
        {
            value = json.Deserialize(typeInfo);
        }
        catch (JsonException exception)
        {
            return new(null, [new(JsonPaths.FromSerializer(exception.Path), SerializerMessage(exception))]);
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return new(null, [new("", $"{typeof(T).Name} cannot be read from JSON: {exception.Message}")]);
        }

        if (value is null)
        {
            return new(null, [new("", "Expected an object, found null.")]);
        }

        AnnotationChecker.Check(value, typeInfo, contracts, errors);
        return new(errors.Count == 0 ? value : null, errors);
    }

    /// <summary>The serializer's message without its "Path: … | LineNumber: …" tail (the path is reported separately).</summary>
    private static string SerializerMessage(JsonException exception)
    {
        var message = exception.Message;
        var tail = message.IndexOf(" Path:", StringComparison.Ordinal);
        return tail > 0 ? message[..tail] : message;
    }
}
