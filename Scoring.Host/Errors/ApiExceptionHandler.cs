using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Scoring.Host.Errors;

/// <summary>
/// Turns exceptions that reach the exception handler into Vietnamese ProblemDetails: a request the framework could not
/// bind (<see cref="BadHttpRequestException"/>: malformed JSON with its line and position, a missing body, a parameter of
/// the wrong type, an unsupported content type) keeps its 4xx status; anything else is a 500 without a stack trace.
/// The traceId is added by the problem details writer.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception is BadHttpRequestException bad ? ForBadRequest(bad, httpContext.Request) : ForServerError(exception);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    private ProblemDetails ForServerError(Exception exception)
    {
        logger.LogError(exception, "Unhandled exception");
        return new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = ProblemTexts.ServerErrorTitle, Detail = ProblemTexts.ServerError };
    }

    private static ProblemDetails ForBadRequest(BadHttpRequestException bad, HttpRequest request)
    {
        var status = bad.StatusCode;
        if (status == StatusCodes.Status415UnsupportedMediaType)
        {
            return Make(status, ProblemTexts.UnsupportedMediaTitle,
                ProblemTexts.UnsupportedMedia(request.ContentType, bad.Message.Contains("form", StringComparison.OrdinalIgnoreCase)));
        }

        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            // The server stopped a body over the endpoint's limit while it was read: say which limit, as the gate does.
            return request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>() is { } limit
                ? Make(status, ProblemTexts.TooLargeTitle, limit.Detail(request.Method, (request.PathBase + request.Path).ToString(), null), ("limit", limit.Bytes))
                : Make(status, ProblemTexts.TooLargeTitle, ProblemTexts.TooLarge);
        }

        if (bad.InnerException is JsonException json)
        {
            var line = (json.LineNumber ?? 0) + 1;
            var position = (json.BytePositionInLine ?? 0) + 1;
            if (IsInvalidUtf8(json))
            {
                return Make(StatusCodes.Status400BadRequest, ProblemTexts.NotUtf8Title, ProblemTexts.NotUtf8(line, position, json.Path),
                    ("line", line), ("position", position), ("path", json.Path));
            }
            if (TooDeep().IsMatch(json.Message) || TooDeep().IsMatch(json.InnerException?.Message ?? string.Empty))
            {
                return Make(StatusCodes.Status400BadRequest, ProblemTexts.NestedTooDeepTitle, ProblemTexts.NestedTooDeep(line, position, json.Path),
                    ("line", line), ("position", position), ("path", json.Path));
            }
            // A syntax error is the reader's (internal) JsonReaderException wrapped with the path; otherwise the JSON is well
            // formed but a value has the wrong type.
            return json.InnerException?.GetType().Name == "JsonReaderException"
                ? Make(StatusCodes.Status400BadRequest, ProblemTexts.MalformedJsonTitle, ProblemTexts.MalformedJson(line, position, json.Path),
                    ("line", line), ("position", position), ("path", json.Path))
                : Make(StatusCodes.Status400BadRequest, ProblemTexts.WrongJsonValueTitle, ProblemTexts.WrongJsonValue(line, position, json.Path),
                    ("line", line), ("position", position), ("path", json.Path));
        }

        if (BodyMissing().IsMatch(bad.Message) || (request.ContentLength == 0 && RequiredFromBody().IsMatch(bad.Message)))
        {
            return Make(StatusCodes.Status400BadRequest, ProblemTexts.MissingBodyTitle, ProblemTexts.MissingBody);
        }

        if (RequiredParameter().Match(bad.Message) is { Success: true } required)
        {
            var source = required.Groups["source"].Value;
            return Make(StatusCodes.Status400BadRequest, ProblemTexts.BadParameterTitle,
                ProblemTexts.MissingParameter(required.Groups["name"].Value, SourceText(source)), ("parameter", required.Groups["name"].Value));
        }

        if (BindFailure().Match(bad.Message) is { Success: true } failed)
        {
            return Make(StatusCodes.Status400BadRequest, ProblemTexts.BadParameterTitle,
                ProblemTexts.BadParameter(failed.Groups["name"].Value, failed.Groups["value"].Value), ("parameter", failed.Groups["name"].Value));
        }

        return status == StatusCodes.Status400BadRequest
            ? Make(status, ProblemTexts.BadRequestTitle, ProblemTexts.BadRequest)
            : Make(status, ProblemTexts.OtherTitle, ProblemTexts.Other(status));
    }

    // System.Text.Json meets bad UTF-8 when it transcodes a string: an InvalidOperationException over a DecoderFallbackException.
    private static bool IsInvalidUtf8(Exception error)
    {
        for (var e = (Exception?)error; e is not null; e = e.InnerException)
        {
            if (e is System.Text.DecoderFallbackException || e.Message.Contains("invalid UTF-8", StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains("UTF-8 JSON text", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static string SourceText(string source) => source switch
    {
        "body" => "trong nội dung yêu cầu",
        "query string" => "trong chuỗi truy vấn ?…",
        "route" => "trong đường dẫn",
        "header" => "trong tiêu đề yêu cầu",
        _ => string.Empty,
    };

    private static ProblemDetails Make(int status, string title, string detail, params (string Key, object? Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions)
        {
            if (value is not null)
            {
                problem.Extensions[key] = value;
            }
        }

        return problem;
    }

    // The framework's (English) messages, e.g. `Failed to bind parameter "int year" from "abc".`
    [GeneratedRegex("^Failed to bind parameter \"[^\"]*? (?<name>[^ \"]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex("^Required parameter \"[^\"]*? (?<name>[^ \"]+)\" was not provided from (?<source>[a-z ]+?)\\.?$", RegexOptions.Singleline)]
    private static partial Regex RequiredParameter();

    [GeneratedRegex("^Implicit body inferred for parameter .* but no body was provided", RegexOptions.Singleline)]
    private static partial Regex BodyMissing();

    [GeneratedRegex("maximum configured depth|maximum allowed depth", RegexOptions.Singleline)]
    private static partial Regex TooDeep();

    [GeneratedRegex("was not provided from body", RegexOptions.Singleline)]
    private static partial Regex RequiredFromBody();
}
