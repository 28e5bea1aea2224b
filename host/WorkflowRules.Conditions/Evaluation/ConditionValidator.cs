using WorkflowRules.Conditions.Compilation;
using WorkflowRules.Conditions.Scripts;

namespace WorkflowRules.Conditions.Evaluation;

/// <summary>Validates conditions on save: the same checks as compiling, without emitting or loading anything.</summary>
internal sealed class ConditionValidator(ConditionCompiler compiler, ConditionScriptCatalog scripts) : IConditionValidator
{
    public IReadOnlyList<ConditionDiagnostic> Validate(ConditionSource source, Type recordType)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(recordType);
        if (!source.IsWellFormed)
        {
            return [new ConditionDiagnostic(1, 1, "A condition is either inline code or the name of a script, not both and not neither.", null)];
        }

        if (!string.IsNullOrWhiteSpace(source.InlineCode))
        {
            return Check(source.InlineCode, recordType);
        }

        var name = source.ScriptName!;
        if (scripts.Find(name) is not { } script)
        {
            return [new ConditionDiagnostic(1, 1, $"There is no condition script '{name}' in {scripts.Directory} ({scripts.KnownNames()}).", name)];
        }

        if (!scripts.Fits(script.DeclaredRecordType, recordType))
        {
            return [new ConditionDiagnostic(1, 1,
                script.DeclaredRecordType is null
                    ? $"Condition script '{name}' does not declare its record type on its first line (e.g. '{ConditionScriptHeader.Example}')."
                    : $"Condition script '{name}' is written against {script.DeclaredRecordType}, but this event's record is a {recordType.Name}.",
                ConditionScriptHeader.FirstLine(script.FileCode))];
        }

        // The file as it is now: a workflow saved against a broken edit would run the old version only until the next restart.
        return Check(script.FileCode, recordType);
    }

    private IReadOnlyList<ConditionDiagnostic> Check(string code, Type recordType)
    {
        try
        {
            return compiler.Check(code, recordType);
        }
        catch (InvalidOperationException e)
        {
            return [new ConditionDiagnostic(1, 1, e.Message, null)];
        }
    }
}
