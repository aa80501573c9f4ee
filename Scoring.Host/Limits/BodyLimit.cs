using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;

namespace Scoring.Host.Limits;

/// <summary>
/// The most an endpoint reads from a request body (<see cref="Bytes"/>), what kind of body it takes (<see cref="Kind"/>,
/// Vietnamese, for the message) and how to stay under it (<see cref="Advice"/>). Endpoint metadata: the framework hands
/// <see cref="IRequestSizeLimitMetadata"/> to Kestrel, and <see cref="BodyLimitGate"/> answers 413 in Vietnamese before
/// anything is read.
/// </summary>
internal sealed record BodyLimit(long Bytes, string Kind, string Advice) : IRequestSizeLimitMetadata
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public long? MaxRequestBodySize => Bytes;

    /// <summary>"64 KB (65.536 byte)": the size as people say it, and exactly.</summary>
    public static string Describe(long bytes)
    {
        var words = bytes switch
        {
            >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MB",
            >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KB",
            _ => null,
        };
        var exact = bytes.ToString("N0", Vietnamese) + " byte";
        return words is null ? exact : $"{words} ({exact})";
    }

    /// <summary>The 413's detail: the endpoint, the limit, what was received when known, and what to do.</summary>
    public string Detail(string method, string path, long? received) =>
        $"Nội dung gửi đến {method} {path} ({Kind}) vượt giới hạn {Describe(Bytes)} của thao tác này"
        + (received is { } n ? $"; đã nhận {n.ToString("N0", Vietnamese)} byte" : string.Empty)
        + $". Không có gì được lưu. {Advice}";
}
