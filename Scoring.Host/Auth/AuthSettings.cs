using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Scoring.Host.Auth;

/// <summary>
/// Token settings. <c>Auth:Authority</c> (+ <c>Auth:Audience</c>) trusts an external OpenID Connect issuer, whose discovery
/// document and keys are fetched over HTTPS (<c>Auth:RequireHttpsMetadata</c>, default true; false only for a loopback
/// authority); the issuer in its discovery document is always validated, and <c>Auth:Issuer</c>, when set, is accepted too.
/// Otherwise tokens are HS256 with <c>Auth:SigningKey</c> (≥ 32 characters). With neither, a random key is generated once
/// into the data folder (<c>signing-key.txt</c>), which suits one development host; several hosts must share a configured key.
/// </summary>
internal sealed record AuthSettings(string Issuer, string Audience, string? Authority, byte[] SigningKey)
{
    public const string DefaultIssuer = "scoring";
    public const string DefaultAudience = "scoring";
    public const string KeyFileName = "signing-key.txt";

    /// <summary>Auth:Issuer exactly as configured (null when not set); with an authority it is accepted besides the discovered issuer.</summary>
    public string? ConfiguredIssuer { get; init; }

    /// <summary>Auth:RequireHttpsMetadata: fetch the authority's discovery document and keys over HTTPS only.</summary>
    public bool RequireHttpsMetadata { get; init; } = true;

    /// <summary>Which claim types of an external issuer's tokens carry our role, tenant, unit and groups (Auth:Claims:*).</summary>
    public ClaimMapping Claims { get; init; } = ClaimMapping.Ours;

    public static AuthSettings From(IConfiguration configuration)
    {
        var configuredIssuer = configuration["Auth:Issuer"] is { Length: > 0 } i ? i : null;
        var audience = configuration["Auth:Audience"] is { Length: > 0 } a ? a : DefaultAudience;
        var authority = configuration["Auth:Authority"] is { Length: > 0 } au ? au : null;
        var requireHttps = RequireHttps(configuration["Auth:RequireHttpsMetadata"], authority);
        var key = configuration["Auth:SigningKey"];
        if (string.IsNullOrEmpty(key))
        {
            key = authority is null ? ReadOrCreateKeyFile(StorageSettings.From(configuration).DataDirectory) : null;
        }
        else if (key.Length < 32)
        {
            throw new SettingException("Auth:SigningKey phải dài ít nhất 32 ký tự (HS256 cần khóa 256 bit).");
        }

        // With an authority only its keys are trusted: a configured HS256 key is not used to validate (nor to mint).
        var signingKey = authority is null && key is not null ? Encoding.UTF8.GetBytes(key) : [];
        return new AuthSettings(configuredIssuer ?? DefaultIssuer, audience, authority, signingKey)
        {
            ConfiguredIssuer = configuredIssuer,
            RequireHttpsMetadata = requireHttps,
            Claims = ClaimMapping.From(configuration),
        };
    }

    private static bool RequireHttps(string? value, string? authority)
    {
        var require = true;
        if (value is { Length: > 0 } && !bool.TryParse(value, out require))
        {
            throw new SettingException($"Auth:RequireHttpsMetadata '{value}' không hợp lệ: dùng true hoặc false.");
        }

        if (authority is null)
        {
            return require;
        }

        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new SettingException($"Auth:Authority '{authority}' không phải địa chỉ http(s) tuyệt đối, ví dụ https://id.sonla.gov.vn/realms/scoring.");
        }

        if (require && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new SettingException($"Auth:Authority '{authority}' phải dùng https (khóa ký được tải từ đó). Chỉ khi thử trên máy này mới đặt Auth:RequireHttpsMetadata=false.");
        }

        if (!require && !IsLoopback(uri))
        {
            throw new SettingException($"Auth:RequireHttpsMetadata=false chỉ được dùng với Auth:Authority trên máy này (localhost/127.0.0.1), không với '{uri.Host}'.");
        }

        return require;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static string ReadOrCreateKeyFile(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, KeyFileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream);
            writer.Write(key);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return File.ReadAllText(path).Trim();
        }

        return key;
    }
}
