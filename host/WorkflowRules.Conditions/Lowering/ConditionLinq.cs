using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WorkflowRules.Conditions.Lowering;

/// <summary>
/// What lowered LINQ calls need at run time to behave exactly like <see cref="Enumerable"/>'s own: the same
/// error for a null source, and the same fast path, which reads arrays and lists as spans (so a predicate that
/// changes the list it walks sees what <c>Enumerable.Any</c> would see). Public only because generated code calls
/// it; conditions themselves cannot (the allow-list refuses it).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConditionLinq
{
    /// <summary>The elements of <paramref name="source"/> as a span when it is exactly an array or a list.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null (parameter name "source", as LINQ says).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryGetSpan<T>(IEnumerable<T> source, out ReadOnlySpan<T> span)
    {
        if (source is null)
        {
            ThrowNull(nameof(source));
        }

        // Exact types, as LINQ checks them: a covariant array (string[] seen as object[]) is walked by its enumerator.
        if (source.GetType() == typeof(T[]))
        {
            span = Unsafe.As<T[]>(source);
            return true;
        }

        if (source.GetType() == typeof(List<T>))
        {
            span = CollectionsMarshal.AsSpan(Unsafe.As<List<T>>(source));
            return true;
        }

        span = default;
        return false;
    }

    [DoesNotReturn]
    private static void ThrowNull(string parameterName) => throw new ArgumentNullException(parameterName);
}
