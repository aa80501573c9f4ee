using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Scoring.Host.Accounts;

/// <summary>A form posted without a valid antiforgery token is refused (400) with a Vietnamese page rather than an empty answer.</summary>
internal sealed class AntiforgeryFailurePage : IAlwaysRunResultFilter
{
    public const string View = "/Accounts/AntiforgeryFailed.cshtml";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            var data = new ViewDataDictionary(new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(), context.ModelState) { ["Title"] = "Yêu cầu bị từ chối" };
            context.Result = new ViewResult { ViewName = View, ViewData = data, StatusCode = StatusCodes.Status400BadRequest };
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
