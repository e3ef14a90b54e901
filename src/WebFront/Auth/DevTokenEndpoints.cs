using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Notifications.WebFront.Auth;

/// <summary>
/// The development-only token endpoint that lets the demo page, scripts and tests sign in as any user or service.
/// </summary>
public static partial class DevTokenEndpoints
{
    /// <summary>A request for a user token (<c>userId</c>) or a service token (<c>service</c> and <c>scopes</c>).</summary>
    public sealed record DevTokenRequest(string? UserId, string? Service, IReadOnlyList<string>? Scopes);

    /// <summary>The issued token.</summary>
    public sealed record DevTokenResponse(string Token);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceNameRegex();

    /// <summary>Maps <c>POST /dev/token</c>.</summary>
    public static IEndpointRouteBuilder MapDevTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/dev/token", IssueToken)
            .WithTags("Development")
            .WithSummary("Issues a token signed with the development key (Development environment only).")
            .AllowAnonymous();
        return endpoints;
    }

    private static IResult IssueToken(DevTokenRequest? request, IOptions<AuthOptions> options, TimeProvider time)
    {
        var auth = options.Value;
        if (string.IsNullOrEmpty(auth.SigningKey))
        {
            return Results.Problem("Auth:SigningKey is not set, so no development tokens can be issued.", statusCode: 500);
        }

        if (request is null || (request.UserId is null) == (request.Service is null))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["userId"] = ["Give either userId or service (with scopes)."],
            });
        }

        var claims = new List<Claim>();
        if (request.UserId is not null)
        {
            if (!UserIds.IsValid(request.UserId))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["userId"] = [UserIds.Rule] });
            }

            claims.Add(new Claim(NotificationPolicies.SubjectClaim, request.UserId));
        }
        else
        {
            if (!ServiceNameRegex().IsMatch(request.Service!))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["service"] = ["A service name must have 1 to 64 lowercase letters, digits or '-'."],
                });
            }

            var scopes = request.Scopes ?? [];
            if (scopes.Any(scope => scope != NotificationPolicies.SendScope))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["scopes"] = [$"The only scope is '{NotificationPolicies.SendScope}'."],
                });
            }

            claims.Add(new Claim(NotificationPolicies.SubjectClaim, "service:" + request.Service));
            if (scopes.Count > 0)
            {
                claims.Add(new Claim("scope", string.Join(' ', scopes)));
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now,
            Expires = now + auth.DevTokenLifetime,
            SigningCredentials = new SigningCredentials(
                AuthenticationExtensions.CreateSigningKey(auth.SigningKey),
                SecurityAlgorithms.HmacSha256),
        };
        var token = new JsonWebTokenHandler().CreateToken(descriptor);
        return Results.Ok(new DevTokenResponse(token));
    }
}
