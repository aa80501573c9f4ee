namespace Scoring.Host.Tests.Door;

/// <summary>One generated request: what was broken (<see cref="Label"/>, shown when it fails), route values over the template's, query, body bytes and the raw Content-Type.</summary>
internal sealed record GeneratedRequest(string Label, IReadOnlyDictionary<string, string> Values, string Query, byte[]? Body, string? ContentType)
{
    public HttpContent? Content()
    {
        if (Body is null)
        {
            return null;
        }

        var content = new ByteArrayContent(Body);
        if (ContentType is not null)
        {
            // Added without validation: a broken Content-Type is one of the things sent.
            content.Headers.Remove("Content-Type");
            content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        return content;
    }

    /// <summary>The start of the body as text, for a failure message.</summary>
    public string Preview() => Body is null ? "(không có nội dung)" : System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300));
}
