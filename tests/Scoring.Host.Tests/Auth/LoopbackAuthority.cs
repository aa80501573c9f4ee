using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Scoring.Host.Tests.Auth;

/// <summary>
/// A minimal OpenID Connect issuer on a real loopback Kestrel: <c>/.well-known/openid-configuration</c> and a JWKS with one
/// RSA key, and <see cref="Mint"/> for RS256 tokens signed with that key (or another one, to forge).
/// </summary>
internal sealed class LoopbackAuthority : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly RSA rsa;

    private LoopbackAuthority(WebApplication app, RSA rsa, RsaSecurityKey key)
    {
        this.app = app;
        this.rsa = rsa;
        Key = key;
    }

    public RsaSecurityKey Key { get; }

    public string Url { get; private set; } = "";

    /// <summary>The issuer in the discovery document (the authority's own address).</summary>
    public string Issuer => Url;

    public static async Task<LoopbackAuthority> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "loopback-" + Guid.NewGuid().ToString("N")[..8] };
        var authority = new LoopbackAuthority(app, rsa, key);
        app.MapGet("/.well-known/openid-configuration", () => Results.Text(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = authority.Issuer,
            ["jwks_uri"] = authority.Url + "/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }), "application/json"));
        app.MapGet("/jwks", () =>
        {
            var parameters = rsa.ExportParameters(false);
            return Results.Text(JsonSerializer.Serialize(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
                },
            }), "application/json");
        });
        await app.StartAsync();
        authority.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return authority;
    }

    /// <summary>An RS256 token from this authority (or signed with <paramref name="signingKey"/>) carrying the given claims.</summary>
    public string Mint(IDictionary<string, object> claims, string? issuer = null, string audience = "scoring",
        TimeSpan? expiresIn = null, SecurityKey? signingKey = null)
    {
        var now = DateTime.UtcNow;
        var expires = now.Add(expiresIn ?? TimeSpan.FromHours(1));
        var issuedAt = expires < now ? expires.AddHours(-1) : now;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            SigningCredentials = new SigningCredentials(signingKey ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        rsa.Dispose();
    }
}
