using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoring.Rules.Loading;

namespace Scoring.Host.Limits;

/// <summary>
/// The request-body limit of every page's form posts (docs/ui.md, "Request body limits"), beside the API's table in
/// <see cref="BodyLimits"/>: a form 64 KB (a report of 300 values is a few KB); the console's imports the table-import
/// size; the unit report's evidence handler the configured evidence size; the rule maintainers' workbench a rule set of
/// 2 MB as a browser encodes it in a form (each byte may become three).
/// </summary>
internal static class PageBodyLimits
{
    public const long FormBytes = 64 * 1024;

    /// <summary>A 2 MB rule set URL-encoded by the browser (up to three characters a byte), with the form around it.</summary>
    public const long RuleSetFormBytes = (3L * RuleSetLoader.MaxBytes) + BodyLimits.FormOverhead;

    public static readonly BodyLimit Form = new(FormBytes, "biểu mẫu",
        "Một biểu mẫu chỉ cần vài KB: hãy kiểm tra các ô đã nhập (ví dụ văn bản dán nhầm vào một ô) rồi gửi lại.");

    public static readonly BodyLimit RuleSetForm = new(RuleSetFormBytes,
        $"biểu mẫu bộ tiêu chí (JSON tối đa {BodyLimit.Describe(RuleSetLoader.MaxBytes)}, trình duyệt mã hóa có thể gấp ba)",
        "Một bộ tiêu chí thật chỉ vài chục KB: hãy kiểm tra đã dán đúng nội dung chưa, hoặc bỏ phần bị lặp.");

    /// <summary>The limits of the pages that take more than a small form, by the page's path (its folder for the workbench).</summary>
    private static PageBodyLimit? Of(string page, EvidencePolicy evidence) => page switch
    {
        "/AdminConsole/Imports" => new(BodyLimits.TableImport, new Dictionary<string, BodyLimit>()),
        "/UnitWorkspace/Report" => new(Form, new Dictionary<string, BodyLimit>(StringComparer.OrdinalIgnoreCase) { ["Evidence"] = BodyLimits.Evidence(evidence) }),
        _ when page.StartsWith("/Workbench/", StringComparison.Ordinal) => new(RuleSetForm, new Dictionary<string, BodyLimit>()),
        _ => null,
    };

    /// <summary>Gives every page its limits: <see cref="Form"/> unless the table above names the page.</summary>
    public static TBuilder WithPageBodyLimits<TBuilder>(this TBuilder builder, EvidencePolicy evidence) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<PageActionDescriptor>().FirstOrDefault() is { } page && !endpoint.Metadata.OfType<PageBodyLimit>().Any())
            {
                endpoint.Metadata.Add(Of(page.ViewEnginePath, evidence) ?? new PageBodyLimit(Form, new Dictionary<string, BodyLimit>()));
            }
        });
        return builder;
    }
}
