using System.Diagnostics.CodeAnalysis;

namespace WorkflowRules.Conditions.CompiledCache;

/// <summary>
/// The small file (<c>&lt;condition key&gt;.cond</c>) that maps one condition to the class that implements it in a
/// batch assembly (<c>&lt;batch key&gt;.dll</c>), with the SHA-256 of that assembly's bytes: a torn, truncated or
/// foreign file fails to parse or to match, and the condition is simply compiled again.
/// </summary>
internal sealed record CompiledCachePointer(string BatchKey, string ClassName, string ImageHash)
{
    public string Write() => string.Join('\n', CompiledCacheKeys.Format, BatchKey, ClassName, ImageHash) + "\n";

    public static bool TryParse(string text, [NotNullWhen(true)] out CompiledCachePointer? pointer)
    {
        var lines = text.Split('\n');
        pointer = lines is [CompiledCacheKeys.Format, var batch, var className, var hash, ""]
            && IsHex(batch) && IsHex(hash) && className.Length is > 0 and < 64 && className.All(char.IsAsciiLetterOrDigit)
            ? new CompiledCachePointer(batch, className, hash)
            : null;
        return pointer is not null;
    }

    // Keys are lowercase SHA-256 hex, which also keeps them safe to use as file names.
    private static bool IsHex(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigitLower);
}
