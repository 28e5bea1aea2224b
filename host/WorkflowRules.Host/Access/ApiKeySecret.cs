using System.Security.Cryptography;
using System.Text;

namespace WorkflowRules.Host.Access;

/// <summary>
/// The format of an API key: <c>wr_{prefix}_{secret}</c>. The prefix finds the stored row; only a
/// SHA-256 hash of the whole key is stored, so a leaked database does not leak usable keys.
/// </summary>
public static class ApiKeySecret
{
    private const string Scheme = "wr";
    private const int PrefixLength = 12;

    public static string Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var secret = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return $"{Scheme}_{prefix}_{secret}";
    }

    /// <summary>Returns the prefix of a well-formed key, or null for anything else.</summary>
    public static string? TryGetPrefix(string key)
    {
        var parts = key.Split('_', 3);
        return parts.Length == 3 && parts[0] == Scheme && parts[1].Length == PrefixLength && parts[2].Length >= 16
            ? parts[1]
            : null;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool HashMatches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
