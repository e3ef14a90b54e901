using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Notifications.Bench.SignalRBaseline;

/// <summary>
/// Signs development tokens: a user token carries <c>sub</c>, a service token <c>sub</c> = <c>service:NAME</c>
/// and a space-separated <c>scope</c>. Tokens are valid for one hour.
/// </summary>
public sealed class DevTokenIssuer(SecurityKey signingKey)
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials = new(signingKey, SecurityAlgorithms.HmacSha256);

    public string Issue(string subject, string? scope)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (scope is not null)
        {
            claims["scope"] = scope;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = _credentials,
        });
    }
}
