namespace WorkflowRules.Plugins.Registration;

/// <summary>
/// Checks response pairs: a plugin may only impose a pair on its own response; the required response is only named
/// (it may come from another plugin), so only its name can be checked.
/// </summary>
internal static class ResponsePairValidator
{
    public static void Validate(PluginBuilder builder, RegistrationProblems problems)
    {
        var ownResponses = builder.Responses.Select(r => r.Definition.FunctionName).ToHashSet(StringComparer.Ordinal);
        var declared = new HashSet<(string, string)>();
        foreach (var (response, required) in builder.ResponsePairs)
        {
            var label = $"RequireResponsePair({response}, {required})";
            if (!ownResponses.Contains(response))
            {
                problems.Add($"{label} names {response}, which is not a response of this plugin: a plugin can only require a pair for its own responses.");
            }

            if (string.IsNullOrWhiteSpace(required))
            {
                problems.Add($"{label} needs the function name of the response that must go with {response}.");
            }
            else if (!Names.FunctionName().IsMatch(required))
            {
                problems.Add($"{label}: '{required}' is not a valid function name: use upper-case letters, digits and '_', starting with a letter.");
            }
            else if (required == response)
            {
                problems.Add($"{label} pairs {response} with itself.");
            }
            else if (!declared.Add((response, required)))
            {
                problems.Add($"{label} is declared twice.");
            }
        }
    }
}
