namespace Scoring.Host.Tests.Auth;

/// <summary>What one matrix case sends: route values over the world's defaults, a body made fresh per request, a query string, an If-Match.</summary>
internal sealed record MatrixRequest(IReadOnlyDictionary<string, string>? Values = null, Func<HttpContent>? Body = null, string Query = "", string? IfMatch = null)
{
    public static readonly MatrixRequest Default = new();
}
