using System.Security.Cryptography;
using System.Text;

namespace WorkflowRules.Conditions.Compilation;

/// <summary>Identifies a version of a condition's text (shown for scripts, logged with compiles).</summary>
internal static class ConditionHash
{
    public static string Of(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
