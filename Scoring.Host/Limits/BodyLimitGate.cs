using System.Buffers;

namespace Scoring.Host.Limits;

/// <summary>
/// Enforces the endpoint's <see cref="BodyLimit"/> before anything reads the body: a declared length over the limit is
/// answered 413 at once; a body sent without a length (chunked) is read up to the limit and answered 413 as soon as it
/// passes it. The 413 is a Vietnamese problem naming the endpoint and the limit (extensions <c>limit</c>, <c>endpoint</c>),
/// or for a page's form (<see cref="PageBodyLimit"/>) a Vietnamese page saying the same.
/// </summary>
internal sealed class BodyLimitGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        var page = metadata?.GetMetadata<PageBodyLimit>();
        if ((page?.For(context) ?? metadata?.GetMetadata<BodyLimit>()) is not { } limit || !MayHaveBody(context.Request))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = limit.Bytes;
        }

        var request = context.Request;
        if (request.ContentLength is { } length)
        {
            if (length > limit.Bytes)
            {
                await AnswerTooLarge(context, limit, length, page is not null);
                return;
            }

            await next(context);
            return;
        }

        // No declared length: buffer at most the limit, so a handler never reads past it.
        var buffered = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffered.Length + read > limit.Bytes)
                {
                    await AnswerTooLarge(context, limit, null, page is not null);
                    return;
                }

                buffered.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        buffered.Position = 0;
        request.Body = buffered;
        request.ContentLength = buffered.Length;
        context.Response.RegisterForDispose(buffered);
        await next(context);
    }

    // A page's form gets a Vietnamese page, the API a problem detail.
    private static Task AnswerTooLarge(HttpContext context, BodyLimit limit, long? received, bool isPage) =>
        isPage ? PageTooLarge.WriteAsync(context, limit, received) : TooLarge(context, limit, received).ExecuteAsync(context);

    /// <summary>The 413 for <paramref name="context"/>'s endpoint (also used when the server itself stops an oversized body).</summary>
    public static IResult TooLarge(HttpContext context, BodyLimit limit, long? received) =>
        TypedResults.Problem(
            title: ProblemTexts.TooLargeTitle,
            detail: limit.Detail(context.Request.Method, (context.Request.PathBase + context.Request.Path).ToString(), received),
            statusCode: StatusCodes.Status413PayloadTooLarge,
            extensions: new Dictionary<string, object?>
            {
                ["limit"] = limit.Bytes,
                ["endpoint"] = context.GetEndpoint() is { } endpoint
                    ? endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.DisplayName
                    : null,
            });

    // A body is declared by a length, or sent chunked; a GET or DELETE without either has none worth reading.
    private static bool MayHaveBody(HttpRequest request) =>
        request.ContentLength > 0
        || (request.ContentLength is null && (request.Headers.TransferEncoding.Count > 0
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsDelete(request.Method) || HttpMethods.IsOptions(request.Method))));
}
