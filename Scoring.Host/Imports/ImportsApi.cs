using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Scoring.Rules.Model;
using Scoring.Rules.Values;
using NodaTime;
using NodaTime.Text;

namespace Scoring.Host.Imports;

/// <summary>
/// Authoritative figures (published DTI, the portal's 766 scores, the digital-literacy platform's counts) imported from
/// CSV/.xlsx: first column <c>unit</c>, then one column per indicator of that source. They override self-reported values.
/// </summary>
internal static class ImportsApi
{
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tenants/{tenant}/imports").WithTags("Imports");
        api.MapPost("/{source}/{year:int}", Import).WithName("ImportAuthoritative").RequireAuthorization(Policies.RuleMaintainer).DisableAntiforgery()
            .WithSummary("Import authoritative figures (dti, 766, digital-literacy) for a year")
            .WithDescription("Multipart field `file` (or a raw body with `?fileName=`): CSV/.xlsx with `unit` then one column per indicator of "
                + "the source. The values override self-reported ones; the batch keeps file name, SHA-256, who and when. "
                + "One bad row writes nothing: 422 names its `row` and `column`.")
            .Produces<ImportBatchDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/", ListBatches).WithName("ListImports").RequireAuthorization(Policies.Staff)
            .WithSummary("List import batches with their provenance").Produces<List<ImportBatchDto>>();
        return app;
    }

    public static async Task<Results<Created<ImportBatchDto>, ProblemHttpResult>> Import(string tenant, string source, int year, HttpRequest request, ScoringDbContext db, AuthoritativeImport import, CancellationToken ct)
    {
        var actor = Actor.From(request.HttpContext.User);
        if (!actor.InTenant(tenant))
        {
            return Problems.Forbidden($"Bạn không thuộc '{tenant}'.");
        }

        if (AuthoritativeImport.ParseSource(source) is not { } kind)
        {
            return Problems.NotFound($"Nguồn '{source}' không có; dùng dti, 766 hoặc digital-literacy.");
        }

        if (await TenantCheck.MissingAsync(db, tenant, ct) is { } missingTenant)
        {
            return missingTenant;
        }

        var read = await UploadedFile.ReadOrProblemAsync(request, UploadedFile.TableImportLimit, "Hãy gửi tệp .csv hoặc .xlsx trong trường 'file'.", ct);
        if (read.File is not { } upload)
        {
            return read.Problem!;
        }

        var outcome = await import.ImportAsync(actor, tenant, kind, year, upload.Name, upload.Content, ct);
        return outcome.Error is { } error
            ? error.ToProblem()
            : TypedResults.Created($"/api/tenants/{tenant}/imports", ToDto(outcome.Value!));
    }

    public static async Task<Results<Ok<List<ImportBatchDto>>, ProblemHttpResult>> ListBatches(string tenant, HttpContext http, ScoringDbContext db, CancellationToken ct)
    {
        if (!Actor.From(http.User).InTenant(tenant))
        {
            return Problems.Forbidden($"Bạn không thuộc '{tenant}'.");
        }

        var batches = await db.ImportBatches.AsNoTracking().Where(b => b.TenantCode == tenant).OrderBy(b => b.Id).ToListAsync(ct);
        return TypedResults.Ok(batches.Select(ToDto).ToList());
    }

    internal static List<(string Unit, string Indicator, string Value)> Parse(TabularData table, string[] allowed, IReadOnlySet<string> units,
        Func<string, string, IndicatorDefinition?>? declared = null)
    {
        var unitColumn = table.IndexOf("unit");
        if (unitColumn < 0)
        {
            throw new ImportException(1, "unit", "thiếu cột mã đơn vị 'unit'.");
        }

        var columns = new List<(int Index, string Indicator)>();
        for (var i = 0; i < table.Headers.Count; i++)
        {
            if (i == unitColumn || table.Headers[i].Length == 0)
            {
                continue;
            }

            var indicator = allowed.FirstOrDefault(a => string.Equals(a, table.Headers[i], StringComparison.OrdinalIgnoreCase))
                ?? throw new ImportException(1, table.Headers[i], $"nguồn này không cung cấp chỉ tiêu '{table.Headers[i]}'; các cột hợp lệ: {string.Join(", ", allowed)}.");
            columns.Add((i, indicator));
        }

        if (columns.Count == 0)
        {
            throw new ImportException(1, "", $"không có cột chỉ tiêu nào; các cột hợp lệ: {string.Join(", ", allowed)}.");
        }

        // Every bad row and cell is collected, so the file is fixed in one pass; one of them writes nothing.
        var errors = new List<RowError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new List<(string, string, string)>();
        foreach (var row in table.Rows)
        {
            var unit = row.Cell(unitColumn);
            if (!units.Contains(unit))
            {
                errors.Add(new RowError(row.Number, "unit", $"không có đơn vị '{unit}'."));
                continue;
            }

            if (seen.TryGetValue(unit, out var first))
            {
                errors.Add(new RowError(row.Number, "unit", $"đơn vị '{unit}' lặp lại (đã có ở dòng {first})."));
                continue;
            }

            seen[unit] = row.Number;
            foreach (var (index, indicator) in columns)
            {
                var text = row.Cell(index);
                if (text.Length == 0)
                {
                    continue;
                }

                // The one shared value check; an indicator no applicable rule set declares is still a non-negative number.
                var definition = declared?.Invoke(unit, indicator);
                var (value, problem) = IndicatorValueCheck.Check(definition?.Type ?? IndicatorType.Number, definition?.Min ?? 0m, definition?.Max, text);
                if (problem is not null)
                {
                    errors.Add(new RowError(row.Number, table.Headers[index], $"{unit}, {indicator}{(definition is null ? string.Empty : $" ({definition.Title})")}: {problem}."));
                    continue;
                }

                values.Add((unit, indicator, value!.Value.ToString()));
            }
        }

        return errors.Count == 0 ? values : throw new RowsResult<object>([], errors).FirstError();
    }

    private static ImportBatchDto ToDto(ImportBatch b) =>
        new(b.Id, b.Source.ToString(), b.Year, b.FileName, b.Sha256, b.Rows, InstantPattern.ExtendedIso.Format(b.ImportedAt), b.ImportedBy);
}
