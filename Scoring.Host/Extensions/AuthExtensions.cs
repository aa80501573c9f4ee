using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Scoring.Host.Auth;

namespace Scoring.Host.Extensions;

internal static class AuthExtensions
{
    /// <summary>JWT bearer: HS256 with our key, or an external authority. Anonymous callers are the public role.</summary>
    public static IServiceCollection AddScoringAuth(this IServiceCollection services, AuthSettings settings)
    {
        services.AddSingleton(settings);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                ValidateIssuer = settings.Authority is null,
                NameClaimType = ClaimNames.Subject,
                RoleClaimType = ClaimNames.Role,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            if (settings.Authority is not null)
            {
                o.Authority = settings.Authority;
                o.Audience = settings.Audience;
            }
            else
            {
                o.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(settings.SigningKey);
            }
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Administrator, p => p.RequireClaim(ClaimNames.Role, Roles.Administrator))
            .AddPolicy(Policies.RuleMaintainer, p => p.RequireClaim(ClaimNames.Role, Roles.Administrator, Roles.RuleMaintainer))
            .AddPolicy(Policies.Staff, p => p.RequireClaim(ClaimNames.Role, Roles.Administrator, Roles.RuleMaintainer, Roles.Secretariat))
            .AddPolicy(Policies.Authenticated, p => p.RequireClaim(ClaimNames.Role, Roles.Administrator, Roles.RuleMaintainer, Roles.Secretariat, Roles.Unit));
        return services;
    }
}
