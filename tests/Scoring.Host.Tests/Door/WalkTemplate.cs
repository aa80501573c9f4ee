namespace Scoring.Host.Tests.Door;

/// <summary>
/// A well-formed request to one endpoint, the starting point the generated requests break: the route values and query
/// that reach the handler, and the body it accepts (a JSON document, or an uploaded file with its name).
/// </summary>
internal sealed record WalkTemplate(
    string Method,
    string Route,
    IReadOnlyList<string> Parameters,
    IReadOnlyDictionary<string, string> Values,
    string Query,
    WalkBody Body,
    string? IfMatch,
    bool IsPage)
{
    public string Key => $"{Method} {Route}";
}
