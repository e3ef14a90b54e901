using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Notifications.WebFront.Auth;

/// <summary>Wires bearer-token authentication and the notification policies.</summary>
public static class AuthenticationExtensions
{
    /// <summary>The hub path, the only path where a token in the query string is accepted.</summary>
    public const string HubPath = "/hubs/notifications";

    /// <summary>Adds JWT bearer authentication from the <c>Auth</c> section and the user and sender policies.</summary>
    public static IServiceCollection AddNotificationAuthentication(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<AuthOptions>()
            .BindConfiguration(AuthOptions.SectionName)
            .ValidateDataAnnotations();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((bearer, auth) => ConfigureBearer(bearer, auth.Value));

        services.AddAuthorizationBuilder()
            .AddPolicy(NotificationPolicies.User, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => NotificationPolicies.GetUserId(context.User) is not null))
            .AddPolicy(NotificationPolicies.Sender, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => NotificationPolicies.CanSend(context.User)));

        services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        return services;
    }

    private static void ConfigureBearer(JwtBearerOptions bearer, AuthOptions auth)
    {
        // Keep claim names as issued ("sub", "scope") instead of the legacy SOAP claim URIs.
        bearer.MapInboundClaims = false;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            NameClaimType = NotificationPolicies.SubjectClaim,
            ClockSkew = TimeSpan.FromSeconds(30),
        };

        if (!string.IsNullOrEmpty(auth.Authority))
        {
            bearer.Authority = auth.Authority;
        }
        else
        {
            bearer.TokenValidationParameters.IssuerSigningKey = CreateSigningKey(auth.SigningKey!);
        }

        bearer.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                // Browsers cannot set headers on WebSocket and server-sent event requests, so SignalR sends the
                // token in the query string. It is accepted on the hub path only, because URLs end up in logs.
                var token = context.Request.Query["access_token"];
                if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments(HubPath))
                {
                    context.Token = token;
                }

                return Task.CompletedTask;
            },
        };
    }

    /// <summary>Creates the HMAC key from the configured signing key text.</summary>
    public static SymmetricSecurityKey CreateSigningKey(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));
}
