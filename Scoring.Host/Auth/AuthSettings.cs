using System.Security.Cryptography;
using System.Text;
using Scoring.Host.Infrastructure;

namespace Scoring.Host.Auth;

/// <summary>
/// Token settings. <c>Auth:Authority</c> (+ <c>Auth:Audience</c>) trusts an external issuer; otherwise tokens are HS256 with
/// <c>Auth:SigningKey</c> (≥ 32 characters). With neither, a random key is generated once into the data folder
/// (<c>signing-key.txt</c>), which suits one development host; several hosts must share a configured key.
/// </summary>
internal sealed record AuthSettings(string Issuer, string Audience, string? Authority, byte[] SigningKey)
{
    public const string DefaultIssuer = "scoring";
    public const string DefaultAudience = "scoring";
    public const string KeyFileName = "signing-key.txt";

    public static AuthSettings From(IConfiguration configuration)
    {
        var issuer = configuration["Auth:Issuer"] is { Length: > 0 } i ? i : DefaultIssuer;
        var audience = configuration["Auth:Audience"] is { Length: > 0 } a ? a : DefaultAudience;
        var authority = configuration["Auth:Authority"] is { Length: > 0 } au ? au : null;
        var key = configuration["Auth:SigningKey"];
        if (string.IsNullOrEmpty(key))
        {
            key = authority is null ? ReadOrCreateKeyFile(StorageSettings.From(configuration).DataDirectory) : null;
        }
        else if (key.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey phải dài ít nhất 32 ký tự (HS256 cần khóa 256 bit).");
        }

        return new AuthSettings(issuer, audience, authority, key is null ? [] : Encoding.UTF8.GetBytes(key));
    }

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
