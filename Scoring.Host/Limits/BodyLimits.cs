using Microsoft.AspNetCore.Http.Metadata;
using Scoring.Rules.Loading;

namespace Scoring.Host.Limits;

/// <summary>
/// The request-body limit of every API endpoint, in one table (docs/api.md, "Request body limits"): a rule set 2 MB (the
/// command line's limit too), a table import 20 MB, an evidence file Submissions:MaxEvidenceBytes, each with room for
/// the multipart form around the file; any other JSON body 64 KB (a report has at most 300 values, a few KB); an endpoint
/// that takes no body 4 KB.
/// </summary>
internal static class BodyLimits
{
    /// <summary>A multipart form's boundaries and part headers around the one file.</summary>
    public const long FormOverhead = 64 * 1024;

    public const long JsonBytes = 64 * 1024;

    public const long NoBodyBytes = 4 * 1024;

    public static readonly BodyLimit Json = new(JsonBytes, "nội dung JSON",
        "JSON của API này chỉ cần vài KB (một hồ sơ có tối đa 300 giá trị): hãy kiểm tra đã gửi đúng nội dung chưa.");

    public static readonly BodyLimit NoBody = new(NoBodyBytes, "thao tác không cần nội dung",
        "Thao tác này không đọc nội dung yêu cầu: hãy gửi yêu cầu không có nội dung.");

    public static readonly BodyLimit RuleSet = new(RuleSetLoader.MaxBytes, "tệp bộ tiêu chí JSON",
        "Đây cũng là giới hạn của lệnh `validate`. Một bộ tiêu chí thật chỉ vài chục KB: hãy kiểm tra đúng tệp chưa, hoặc bỏ phần bị lặp.");

    public static readonly BodyLimit TableImport = new(UploadedFile.TableImportLimit + FormOverhead,
        $"tệp CSV/.xlsx tối đa {BodyLimit.Describe(UploadedFile.TableImportLimit)} cùng phần đầu biểu mẫu",
        "Hãy tách tệp thành nhiều tệp nhỏ hơn (mỗi lần nhập chỉ thay các dòng có trong tệp) rồi gửi lần lượt.");

    /// <summary>The evidence upload's limit, from the configured largest file.</summary>
    public static BodyLimit Evidence(EvidencePolicy policy) => new(policy.MaxBytes + FormOverhead,
        $"tệp minh chứng tối đa {BodyLimit.Describe(policy.MaxBytes)} cùng phần đầu biểu mẫu",
        "Hãy nén ảnh, lưu PDF ở chất lượng thấp hơn hoặc chia minh chứng thành nhiều tệp.");

    /// <summary>Endpoints (by name) whose body is a file, not a small JSON document.</summary>
    private static readonly Dictionary<string, Func<EvidencePolicy, BodyLimit>> Uploads = new(StringComparer.Ordinal)
    {
        ["ValidateRuleSet"] = _ => RuleSet,
        ["PublishRuleSet"] = _ => RuleSet,
        ["ImportUnits"] = _ => TableImport,
        ["ImportGroups"] = _ => TableImport,
        ["ImportAuthoritative"] = _ => TableImport,
        ["AttachEvidence"] = Evidence,
    };

    /// <summary>
    /// Gives every endpoint of the group its limit, after the endpoints' own conventions (names, accepted content types):
    /// an upload by its name, an endpoint that binds a body JSON, any other no body.
    /// </summary>
    public static TBuilder WithBodyLimits<TBuilder>(this TBuilder builder, EvidencePolicy evidence) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<BodyLimit>().Any())
            {
                return;
            }

            var name = endpoint.Metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
            var limit = name is not null && Uploads.TryGetValue(name, out var upload) ? upload(evidence)
                : endpoint.Metadata.OfType<IAcceptsMetadata>().Any() ? Json
                : NoBody;
            endpoint.Metadata.Add(limit);
        });
        return builder;
    }
}
