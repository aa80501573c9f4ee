using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Scoring.Host.Audit;

/// <summary>SHA-256 (lower-case hex) of bytes, text, or an object's JSON snapshot.</summary>
internal static class ContentHash
{
    private static readonly JsonSerializerOptions SnapshotOptions = new() { WriteIndented = false };

    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    public static string? OfSnapshot(object? snapshot) =>
        snapshot is null ? null : Of(JsonSerializer.Serialize(snapshot, snapshot.GetType(), SnapshotOptions));
}
