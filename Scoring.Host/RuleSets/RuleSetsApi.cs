using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Scoring.Rules.Loading;
using PublishAnswer = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Created<Scoring.Host.RuleSets.RuleSetVersionDto>,
    Microsoft.AspNetCore.Http.HttpResults.Ok<Scoring.Host.RuleSets.RuleSetVersionDto>,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace Scoring.Host.RuleSets;

/// <summary>Rule sets: upload → validate (all errors) → publish as a new immutable version; list; get; diff.</summary>
internal static class RuleSetsApi
{
    public static IEndpointRouteBuilder MapRuleSetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rule-sets").WithTags("RuleSets");
        api.MapPost("/validate", Validate).WithName("ValidateRuleSet").RequireAuthorization(Policies.RuleMaintainer)
            .WithSummary("Validate a rule set without publishing it")
            .WithDescription("Body: the rule-set JSON (format v1; `?fileName=` names it in diagnostics). Answers 200 with every diagnostic "
                + "(file, line, column, JSON path, message, fix), not just the first, and the SHA-256 it would be published under.")
            .Produces<ValidationReport>()
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge);
        api.MapPost("/", Publish).WithName("PublishRuleSet").RequireAuthorization(Policies.RuleMaintainer)
            .WithSummary("Publish a new immutable rule-set version")
            .WithDescription("201 with the new version; 200 when the same id, version and content hash is already published (nothing changes, also when "
                + "an identical publish wins a race); 409 when that version exists with other content, or when the id belongs to another tenant; 422 with all diagnostics (extension `diagnostics`) when the rule set is invalid.")
            .Produces<RuleSetVersionDto>(StatusCodes.Status201Created).Produces<RuleSetVersionDto>()
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/", List).WithName("ListRuleSets").AllowAnonymous()
            .WithSummary("List published rule-set versions with their hashes").Produces<List<RuleSetVersionDto>>();
        api.MapGet("/{id}/{version}", Get).WithName("GetRuleSet").AllowAnonymous()
            .WithSummary("Get the stored JSON of a published version")
            .WithDescription("The document exactly as published (rule-set format v1, JSON Schema in the repository's schema/rule-set.v1.schema.json); "
                + "headers `ETag` and `X-RuleSet-Sha256` carry its canonical SHA-256.")
            .Produces<JsonObject>(contentType: "application/json")
            .ProducesProblems(StatusCodes.Status404NotFound);
        api.MapGet("/{id}/diff", RuleSetDiffer.DiffAsync).WithName("DiffRuleSets").RequireAuthorization(Policies.Staff)
            .WithSummary("Compare two published versions, optionally with their impact on a year's data")
            .WithDescription("`changes`: every element, field by field; `criteria`: the criterion changes. With `tenant` and `year`, both versions "
                + "are scored by the engine on that year's current data: `rankImpact` lists units whose rank or total moves, `awardImpact` "
                + "units whose proposed award (or its tie at the quota's cut) changes — the same comparison as the command line's `diff --data --year`.")
            .Produces<RuleSetDiffDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<Results<Ok<ValidationReport>, ProblemHttpResult>> Validate(HttpRequest request, CancellationToken ct)
    {
        if (await ReadBodyAsync(request, ct) is not { } body)
        {
            return TooLarge();
        }
        var result = RuleSetIntake.Inspect(body, FileName(request));
        return TypedResults.Ok(new ValidationReport(result.Valid, result.Id, result.Version, result.Sha256, result.Diagnostics));
    }

    /// <summary>
    /// Publishes a new version. The same id+version with the same hash answers 200 (nothing changes), even after losing a race;
    /// another hash answers 409, and so does an id another tenant has published.
    /// </summary>
    public static async Task<PublishAnswer> Publish(HttpRequest request, RuleSetPublication publication, CancellationToken ct)
    {
        if (await ReadBodyAsync(request, ct) is not { } body)
        {
            return TooLarge();
        }

        var outcome = await publication.PublishAsync(body, FileName(request), Actor.From(request.HttpContext.User), ct);
        return outcome.Status switch
        {
            RuleSetPublishStatus.Created => TypedResults.Created($"/api/rule-sets/{outcome.Version!.RuleSetId}/{outcome.Version.Version}", ToDto(outcome.Version)),
            RuleSetPublishStatus.AlreadyPublished => TypedResults.Ok(ToDto(outcome.Version!)),
            RuleSetPublishStatus.Invalid => Problems.Unprocessable($"Bộ tiêu chí có {outcome.Intake.Diagnostics.Length} lỗi; chưa công bố.",
                new Dictionary<string, object?> { ["diagnostics"] = outcome.Intake.Diagnostics }),
            RuleSetPublishStatus.Forbidden => Problems.Forbidden(outcome.Problem!),
            _ => Problems.Conflict(outcome.Problem!),
        };
    }

    public static async Task<Ok<List<RuleSetVersionDto>>> List(ScoringDbContext db, string? tenant, CancellationToken ct)
    {
        var query = db.RuleSetVersions.AsNoTracking();
        if (tenant is not null)
        {
            query = query.Where(r => r.Tenant == tenant);
        }

        var versions = await query.OrderBy(r => r.RuleSetId).ThenBy(r => r.Id).ToListAsync(ct);
        return TypedResults.Ok(versions.Select(ToDto).ToList());
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Get(string id, string version, ScoringDbContext db, HttpContext http, CancellationToken ct)
    {
        var found = await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(r => r.RuleSetId == id && r.Version == version, ct);
        if (found is null)
        {
            return Problems.NotFound($"Không có bộ tiêu chí '{id}' phiên bản {version}.");
        }

        http.Response.Headers.ETag = $"\"{found.Sha256}\"";
        http.Response.Headers["X-RuleSet-Sha256"] = found.Sha256;
        return TypedResults.Text(found.Json, "application/json");
    }

    internal static RuleSetVersionDto ToDto(RuleSetVersion r) =>
        new(r.RuleSetId, r.Version, r.Tenant, r.Title, r.Sha256, InstantPattern.ExtendedIso.Format(r.PublishedAt), r.PublishedBy);

    /// <summary>The body's bytes, or null when it is larger than a rule set may be (the command line's limit too).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > RuleSetLoader.MaxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > RuleSetLoader.MaxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ProblemHttpResult TooLarge() => Problems.TooLarge(
        $"Bộ tiêu chí gửi lên lớn hơn giới hạn {RuleSetLoader.MaxBytes / (1024 * 1024)} MB ({RuleSetLoader.MaxBytes.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} byte), giới hạn chung của API và lệnh `validate`. "
        + "Một bộ tiêu chí thật chỉ vài chục KB: hãy kiểm tra đúng tệp chưa, hoặc bỏ phần bị lặp.");

    private static string FileName(HttpRequest request) =>
        request.Query["fileName"].ToString() is { Length: > 0 } name ? name : "upload.rules.json";
}
