using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Scoring.Host.Limits;

/// <summary>A page's oversized form post is answered with a Vietnamese 413 page (the error pages' style), not JSON.</summary>
internal static class PageTooLarge
{
    public const string View = "/Limits/TooLarge.cshtml";

    public static Task WriteAsync(HttpContext context, BodyLimit limit, long? received)
    {
        var notice = new TooLargeNotice(context.Request.Method, (context.Request.PathBase + context.Request.Path).ToString(), limit, received);
        var data = new ViewDataDictionary<TooLargeNotice>(new EmptyModelMetadataProvider(), new ModelStateDictionary())
        {
            Model = notice,
            ["Title"] = "Nội dung gửi lên quá lớn",
        };
        var result = new ViewResult { ViewName = View, ViewData = data, StatusCode = StatusCodes.Status413PayloadTooLarge };
        // The page's own descriptor, so that the view engine finds the layout as it does for the page.
        var action = context.GetEndpoint()?.Metadata.GetMetadata<ActionDescriptor>() ?? new ActionDescriptor();
        return result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), action));
    }
}
