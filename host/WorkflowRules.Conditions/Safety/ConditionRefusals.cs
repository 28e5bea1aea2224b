using Microsoft.CodeAnalysis.Text;
using WorkflowRules.Conditions.Compilation;

namespace WorkflowRules.Conditions.Safety;

/// <summary>Collects refusals of one condition in the form users see, without repeating the same finding.</summary>
internal sealed class ConditionRefusals(GeneratedCondition condition)
{
    private readonly List<(TextSpan Span, string What, ConditionDiagnostic Diagnostic)> _found = [];

    public void Add(TextSpan span, string what, string why)
    {
        var (line, column) = condition.PositionOf(span.Start);
        var message = ConditionRules.Refusal(what, line, column, why);
        _found.Add((span, what, new ConditionDiagnostic(line, column, message, condition.TextAt(span))));
    }

    /// <summary>True when a refusal overlaps <paramref name="span"/>: a compile error there is a consequence, not news.</summary>
    public bool Covers(TextSpan span) => _found.Any(f => f.Span.IntersectsWith(span) || f.Span == span);

    /// <summary>
    /// In text order, once per span; of the same finding nested in itself (dynamic inside dynamic, a token inside
    /// its statement) only the innermost, most precise one.
    /// </summary>
    public IEnumerable<(TextSpan Span, ConditionDiagnostic Diagnostic)> All
    {
        get
        {
            var kept = new List<(TextSpan Span, ConditionDiagnostic Diagnostic)>();
            for (var i = 0; i < _found.Count; i++)
            {
                var (span, what, diagnostic) = _found[i];
                var superseded = false;
                for (var j = 0; j < _found.Count && !superseded; j++)
                {
                    var other = _found[j];
                    superseded = i != j && (other.Span == span
                        ? j < i
                        : span.Contains(other.Span) && (other.What == what || IsSyntaxPart(what, other.What)));
                }

                if (!superseded)
                {
                    kept.Add((span, diagnostic));
                }
            }

            return kept.OrderBy(f => f.Span.Start);
        }
    }

    /// <summary>A keyword refused inside the statement it belongs to ("unsafe" in "Unsafe code", "try" in "try").</summary>
    private static bool IsSyntaxPart(string outer, string inner) =>
        outer.Contains(inner, StringComparison.OrdinalIgnoreCase) || inner.Contains(outer, StringComparison.OrdinalIgnoreCase);
}
