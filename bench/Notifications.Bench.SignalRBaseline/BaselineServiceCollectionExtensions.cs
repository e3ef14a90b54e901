using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.SignalR;
using Microsoft.IdentityModel.Tokens;

namespace Notifications.Bench.SignalRBaseline;

public static class BaselineServiceCollectionExtensions
{
    /// <summary>
    /// Adds SignalR and bearer authentication. The signing key is the base64 value of the BENCH_SIGNING_KEY
    /// environment variable, so that tokens stay valid across a restart, or else a key made at start.
    /// </summary>
    public static IServiceCollection AddBaselineServices(this IServiceCollection services)
    {
        var configuredKey = Environment.GetEnvironmentVariable("BENCH_SIGNING_KEY");
        var keyBytes = string.IsNullOrEmpty(configuredKey)
            ? RandomNumberGenerator.GetBytes(32)
            : Convert.FromBase64String(configuredKey);
        var signingKey = new SymmetricSecurityKey(keyBytes);
        services.AddSingleton(new DevTokenIssuer(signingKey));
        services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        services.AddSignalR();

        services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    IssuerSigningKey = signingKey,
                    ValidateIssuer = false,
                    ValidateAudience = false,
                };

                // Browsers cannot set headers on WebSocket requests, so the hub takes the token from the query.
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        if (context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                        {
                            context.Token = context.Request.Query["access_token"];
                        }

                        return Task.CompletedTask;
                    },
                };
            });

        services
            .AddAuthorizationBuilder()
            .AddPolicy(BaselineEndpoints.SendPolicy, policy => policy.RequireAssertion(
                context => context.User.FindFirst("scope")?.Value.Split(' ').Contains("notifications.send") == true));

        return services;
    }
}
