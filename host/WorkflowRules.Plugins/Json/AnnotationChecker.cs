using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace WorkflowRules.Plugins.Json;

/// <summary>
/// Runs data annotations over a deserialized object graph (nested objects and list items included), naming each
/// violation by its JSON path. Attributes are evaluated one by one rather than through <see cref="Validator"/>,
/// whose static attribute store would keep plugin types — and so their load context — alive forever.
/// </summary>
internal static class AnnotationChecker
{
    private const int MaxDepth = 64;

    public static void Check(object value, JsonTypeInfo typeInfo, JsonContracts contracts, List<FieldError> errors) =>
        Check(value, typeInfo, PendingJsonPath.Root, contracts, errors, 0);

    private static void Check(object value, JsonTypeInfo typeInfo, PendingJsonPath path, JsonContracts contracts, List<FieldError> errors, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (typeInfo.Kind == JsonTypeInfoKind.Object)
        {
            CheckObject(value, typeInfo, path.ToString(), contracts, errors, depth);
        }
        else if (typeInfo.Kind == JsonTypeInfoKind.Enumerable && value is IEnumerable items && typeInfo.ElementType is { } elementType)
        {
            var elementInfo = typeInfo.Options.GetTypeInfo(elementType);
            var list = path.ToString();
            var index = 0;
            foreach (var item in items)
            {
                if (item is not null)
                {
                    Check(item, elementInfo, PendingJsonPath.Index(list, index), contracts, errors, depth + 1);
                }

                index++;
            }
        }
    }

    private static void CheckObject(object value, JsonTypeInfo typeInfo, string path, JsonContracts contracts, List<FieldError> errors, int depth)
    {
        var contract = contracts.For(typeInfo);
        foreach (var property in contract.Properties)
        {
            if (property.Member is not { } member || property.Info.Get is not { } get)
            {
                continue;
            }

            var memberValue = get(value);
            if (property.Attributes.Length > 0)
            {
                var context = new ValidationContext(value, property.Info.Name, null, null) { MemberName = member.Name };
                // As Validator does: [Required] first, and a missing value is not checked further.
                foreach (var attribute in property.Attributes)
                {
                    if (attribute.GetValidationResult(memberValue, context) is { } result)
                    {
                        errors.Add(new(JsonPaths.Property(path, property.Info.Name), result.ErrorMessage ?? $"'{property.Info.Name}' is invalid."));
                        if (attribute is RequiredAttribute)
                        {
                            break;
                        }
                    }
                }
            }

            if (memberValue is not null)
            {
                Check(memberValue, property.TypeInfo, PendingJsonPath.Property(path, property.Info.Name), contracts, errors, depth + 1);
            }
        }

        if (contract.TypeAttributes.IsEmpty && value is not IValidatableObject)
        {
            return;
        }

        var typeContext = new ValidationContext(value, typeInfo.Type.Name, null, null);
        foreach (var attribute in contract.TypeAttributes)
        {
            if (attribute.GetValidationResult(value, typeContext) is { } result)
            {
                errors.Add(new(path, result.ErrorMessage ?? $"{typeInfo.Type.Name} is invalid."));
            }
        }

        if (value is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(typeContext))
            {
                var members = result.MemberNames.Select(name => JsonName(typeInfo, name)).ToList();
                var message = result.ErrorMessage ?? $"{typeInfo.Type.Name} is invalid.";
                errors.AddRange(members.Count == 0 ? [new(path, message)] : members.Select(m => new FieldError(JsonPaths.Property(path, m), message)));
            }
        }
    }

    private static string JsonName(JsonTypeInfo typeInfo, string memberName) =>
        typeInfo.Properties.FirstOrDefault(p => (p.AttributeProvider as MemberInfo)?.Name == memberName)?.Name ?? memberName;
}
