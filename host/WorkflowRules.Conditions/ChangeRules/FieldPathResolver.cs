namespace WorkflowRules.Conditions.ChangeRules;

/// <summary>Resolves a field name or dotted path (<c>Address.City</c>) against a record type, segment by segment.</summary>
internal static class FieldPathResolver
{
    /// <summary>The resolved path, or null with <paramref name="problem"/> saying why, for a person.</summary>
    public static FieldPath? Resolve(Type recordType, string field, out string? problem)
    {
        var segments = field.Split('.');
        var accessors = new FieldAccessor[segments.Length];
        var owner = recordType;
        var valueType = recordType;
        for (var i = 0; i < segments.Length; i++)
        {
            var name = segments[i].Trim();
            if (name.Length == 0)
            {
                problem = FieldChangeMessages.EmptySegment(field, recordType);
                return null;
            }

            if (FieldProperties.Find(owner, name) is not { } property)
            {
                problem = i == 0
                    ? FieldChangeMessages.UnknownField(recordType, name)
                    : FieldChangeMessages.UnknownSegment(field, recordType, string.Join('.', segments[..i].Select(s => s.Trim())), owner, name);
                return null;
            }

            accessors[i] = FieldAccessor.Create(property);
            valueType = property.PropertyType;
            // A nullable struct boxes to the struct itself (or null), so the next segment reads the struct's fields.
            owner = Nullable.GetUnderlyingType(valueType) ?? valueType;
        }

        problem = null;
        return new FieldPath(accessors, valueType);
    }
}
