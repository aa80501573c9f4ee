using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Scoring.Host.Auth;

/// <summary>Mints HS256 tokens with our claims (development tokens and tests).</summary>
internal static class TokenIssuer
{
    public static string Mint(AuthSettings settings, string subject, string role, string? tenant, string? unit,
        IEnumerable<string>? groups, TimeSpan lifetime)
    {
        if (settings.SigningKey.Length == 0)
        {
            throw new SettingException("Không có khóa ký (Auth:SigningKey): khi dùng Auth:Authority, token do nơi phát hành bên ngoài cấp.");
        }

        var claims = new Dictionary<string, object> { [ClaimNames.Subject] = subject, [ClaimNames.Role] = role };
        if (tenant is not null)
        {
            claims[ClaimNames.Tenant] = tenant;
        }

        if (unit is not null)
        {
            claims[ClaimNames.Unit] = unit;
        }

        var groupList = groups?.ToList() ?? [];
        if (groupList.Count > 0)
        {
            claims[ClaimNames.Groups] = string.Join(',', groupList);
        }

        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.Add(lifetime),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(settings.SigningKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
