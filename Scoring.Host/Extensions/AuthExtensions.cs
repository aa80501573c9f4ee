using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;

namespace Scoring.Host.Extensions;

internal static class AuthExtensions
{
    /// <summary>Asymmetric algorithms only: an external issuer signs with its published keys, never with a shared secret.</summary>
    private static readonly string[] ExternalAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    /// <summary>Picks the bearer token when the request has an Authorization header, the sign-in cookie otherwise.</summary>
    public const string BearerOrCookie = "bearer-or-cookie";

    /// <summary>
    /// JWT bearer (HS256 with our key, or an external authority) and the pages' sign-in cookie (<see cref="AccountsExtensions"/>),
    /// chosen per request by whether it carries an Authorization header. Anonymous callers are the public role.
    /// </summary>
    public static IServiceCollection AddScoringAuth(this IServiceCollection services, AuthSettings settings)
    {
        services.AddSingleton(settings);
        var authentication = services.AddAuthentication(BearerOrCookie);
        authentication.AddPolicyScheme(BearerOrCookie, "JWT hoặc cookie đăng nhập", o => o.ForwardDefaultSelector = context =>
            context.Request.Headers.Authorization.Count > 0 ? JwtBearerDefaults.AuthenticationScheme : IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies();
        authentication.AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = settings.Audience,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                NameClaimType = ClaimNames.Subject,
                RoleClaimType = ClaimNames.Role,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            if (settings.Authority is not null)
            {
                // The issuer from the discovery document is always checked; a configured Auth:Issuer is accepted besides it.
                o.Authority = settings.Authority;
                o.Audience = settings.Audience;
                o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                o.TokenValidationParameters.ValidIssuer = settings.ConfiguredIssuer;
                o.TokenValidationParameters.ValidAlgorithms = ExternalAlgorithms;
                if (!settings.Claims.IsIdentity)
                {
                    o.Events = new JwtBearerEvents
                    {
                        OnTokenValidated = context =>
                        {
                            if (context.Principal is { } principal && settings.Claims.Map(principal) is { } mapped)
                            {
                                principal.AddIdentity(mapped);
                            }

                            return Task.CompletedTask;
                        },
                    };
                }
            }
            else
            {
                o.TokenValidationParameters.ValidIssuer = settings.Issuer;
                o.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
                o.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(settings.SigningKey);
            }
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Administrator, p => p.RequireClaim(ClaimNames.Role, Roles.Administrator))
            .AddPolicy(Policies.RuleMaintainer, p => p.RequireClaim(ClaimNames.Role, Roles.Administrator, Roles.RuleMaintainer))
            .AddPolicy(Policies.Staff, p => p.RequireClaim(ClaimNames.Role, Roles.Administrator, Roles.RuleMaintainer, Roles.Secretariat))
            .AddPolicy(Policies.Authenticated, p => p.RequireClaim(ClaimNames.Role, Roles.Administrator, Roles.RuleMaintainer, Roles.Secretariat, Roles.Unit, Roles.Appraiser));
        return services;
    }
}
