using System.Text.RegularExpressions;

namespace WorkflowRules.Plugins.Registration;

/// <summary>The shapes of the names plugins declare.</summary>
internal static partial class Names
{
    /// <summary>Upper-case letters, digits and underscores, starting with a letter: <c>PURCHASE_APPROVAL_REQUESTED</c>.</summary>
    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,99}$")]
    public static partial Regex FunctionName();

    /// <summary>A letter, then letters, digits, '_' or '.': <c>PurchaseDocument</c>.</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.]{0,99}$")]
    public static partial Regex RecordTypeName();

    /// <summary>Like a workflow code (BC's Code[20]): <c>PURCH-OVER-1000</c>.</summary>
    [GeneratedRegex("^[A-Z0-9][A-Z0-9_-]{0,19}$")]
    public static partial Regex TemplateCode();

    /// <summary>A category code as events, responses and templates name it: <c>PURCH</c>, <c>SALES</c>.</summary>
    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,19}$")]
    public static partial Regex Category();

    /// <summary>
    /// A category code a plugin declares (<c>HR</c>, <c>QA2</c>): short like BC's, and starting with a letter so that
    /// events, responses and templates can name it (<see cref="Category"/>).
    /// </summary>
    [GeneratedRegex("^[A-Z][A-Z0-9]{0,9}$")]
    public static partial Regex DeclaredCategory();
}
