using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace WorkflowRules.Host.Access;

/// <summary>
/// Authenticates a caller by API key, read from <c>X-Api-Key</c>, <c>Authorization: Bearer</c> or, so that
/// a browser can open the dashboard, the password of <c>Authorization: Basic</c>.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ReadPresentedKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await verifier.VerifyAsync(presented, Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, identity.KeyId.ToString()),
            new(ClaimTypes.Name, identity.Name),
        };
        claims.AddRange(identity.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // Basic lets a browser prompt for the key when an operator opens /hangfire.
        Response.Headers.WWWAuthenticate = "Basic realm=\"WorkflowRules\", charset=\"UTF-8\"";
        return base.HandleChallengeAsync(properties);
    }

    private static string? ReadPresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var headerKey) && !string.IsNullOrWhiteSpace(headerKey))
        {
            return headerKey.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
                var separator = decoded.IndexOf(':', StringComparison.Ordinal);
                return separator >= 0 ? decoded[(separator + 1)..] : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return null;
    }
}
