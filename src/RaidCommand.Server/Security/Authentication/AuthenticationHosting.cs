using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using RaidCommand.Server.Security.Access;

namespace RaidCommand.Server.Security.Authentication;

public static class AuthenticationHosting
{
    /// <summary>
    /// Bearer tokens for the API and the hub: signed by this server, or, when Auth:Authority is set, by an external
    /// OpenID Connect provider. Either way the token must name an active RaidCommand account.
    /// </summary>
    public static IServiceCollection AddRaidCommandAuthentication(this IServiceCollection services)
    {
        services.AddSingleton(provider => SigningKeys.Load(
            provider.GetRequiredService<IOptions<AuthOptions>>().Value, provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<AccessDirectory>();
        services.AddSingleton<StreamOwnership>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, IServiceProvider>((jwt, auth, provider) => Configure(jwt, auth.Value, provider));
        return services;
    }

    private static void Configure(JwtBearerOptions jwt, AuthOptions auth, IServiceProvider provider)
    {
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudience = auth.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        if (auth.Authority is { Length: > 0 } authority)
        {
            jwt.Authority = authority;
            jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata;
        }
        else
        {
            jwt.TokenValidationParameters.ValidIssuer = auth.Issuer;
            jwt.TokenValidationParameters.IssuerSigningKey = provider.GetRequiredService<SymmetricSecurityKey>();
            jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }

        jwt.Events = new JwtBearerEvents
        {
            // Browsers cannot set headers on WebSocket and server-sent-event requests; SignalR sends the token in the query string.
            OnMessageReceived = context =>
            {
                if (context.HttpContext.Request.Path.StartsWithSegments("/hubs", StringComparison.Ordinal)
                    && context.Request.Query["access_token"].ToString() is { Length: > 0 } token)
                {
                    context.Token = token;
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = CallerResolution.OnTokenValidated,
        };
    }
}
