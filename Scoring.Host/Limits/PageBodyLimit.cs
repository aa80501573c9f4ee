namespace Scoring.Host.Limits;

/// <summary>
/// A page's request-body limits (endpoint metadata): one for its forms, and others for named handlers that take a file
/// (the unit's report takes an evidence file through <c>?handler=Evidence</c>). Razor Pages picks the handler from the
/// route or the query, so the limit is known before the body is read.
/// </summary>
internal sealed record PageBodyLimit(BodyLimit Form, IReadOnlyDictionary<string, BodyLimit> Handlers)
{
    /// <summary>The limit of the request's handler (<c>handler</c> route value or query), or the page's form limit.</summary>
    public BodyLimit For(HttpContext context)
    {
        var handler = context.GetRouteValue("handler")?.ToString() is { Length: > 0 } routed ? routed : context.Request.Query["handler"].FirstOrDefault();
        return handler is not null && Handlers.TryGetValue(handler, out var limit) ? limit : Form;
    }
}
