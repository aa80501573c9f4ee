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

    private static readonly Dictionary<ImportSource, string[]> Indicators = new()
    {
        [ImportSource.Dti] = ["dti", "dtiGovernment", "dtiEconomy", "dtiSociety"],
        [ImportSource.Pas766] = ["pas766", "fullyOnlineProcedureRate", "onlineApplicationRate", "onlinePaymentRate", "digitisedRecordsRate"],
        [ImportSource.DigitalLiteracy] = ["residentsTrained", "vneidCertificates", "staffCertifiedRate", "securityIncidents"],
    };

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

    public static async Task<Results<Created<ImportBatchDto>, ProblemHttpResult>> Import(string tenant, string source, int year, HttpRequest request, ScoringDbContext db, PublishedRuleSets ruleSets, AuditTrail audit, IClock clock, CancellationToken ct)
    {
        var actor = Actor.From(request.HttpContext.User);
        if (!actor.InTenant(tenant))
        {
            return Problems.Forbidden($"Bạn không thuộc '{tenant}'.");
        }

        ImportSource? parsedSource = source switch { "dti" => ImportSource.Dti, "766" or "pas766" => ImportSource.Pas766, "digital-literacy" => ImportSource.DigitalLiteracy, _ => null };
        if (parsedSource is not { } kind)
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

        var unitKinds = await db.Units.Where(u => u.TenantCode == tenant).ToDictionaryAsync(u => u.Code, u => u.Kind, StringComparer.Ordinal, ct);
        var units = unitKinds.Keys.ToHashSet(StringComparer.Ordinal);
        // Each figure is checked as a submitted value would be: against the indicator declared by the rule sets that apply to
        // the unit's kind in the year (an authoritative DTI of 1.5 is as wrong as a self-reported one).
        var declaredByKind = new Dictionary<string, IReadOnlyDictionary<string, IndicatorDefinition>>(StringComparer.Ordinal);
        foreach (var unitKind in unitKinds.Values.Distinct(StringComparer.Ordinal))
        {
            declaredByKind[unitKind] = (await ApplicableIndicators.ForAsync(db, ruleSets, tenant, year, unitKind, ct)).Declared;
        }

        List<(string Unit, string Indicator, string Value)> values;
        try
        {
            values = Parse(TabularReader.Read(upload.Name, upload.Content), Indicators[kind], units,
                (unit, indicator) => declaredByKind[unitKinds[unit]].GetValueOrDefault(indicator));
        }
        catch (ImportException e)
        {
            return e.ToProblem();
        }

        var sha = ContentHash.Of(upload.Content);
        var batch = new ImportBatch
        {
            TenantCode = tenant, Year = year, Source = kind, FileName = upload.Name, Sha256 = sha, Rows = values.Select(v => v.Unit).Distinct().Count(),
            ImportedAt = clock.GetCurrentInstant(), ImportedBy = actor.Name,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        db.AuthoritativeValues.AddRange(values.Select(v => new AuthoritativeValue
        {
            BatchId = batch.Id, TenantCode = tenant, Year = year, UnitCode = v.Unit, Indicator = v.Indicator, Value = v.Value,
        }));
        audit.Record(db, actor, "import." + source, "import", $"{tenant}/{year}/{batch.Id}", null, new { batch.FileName, batch.Sha256, batch.Rows });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/tenants/{tenant}/imports", ToDto(batch));
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

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new List<(string, string, string)>();
        foreach (var row in table.Rows)
        {
            var unit = row.Cell(unitColumn);
            if (!units.Contains(unit))
            {
                throw new ImportException(row.Number, "unit", $"không có đơn vị '{unit}'.");
            }

            if (seen.TryGetValue(unit, out var first))
            {
                throw new ImportException(row.Number, "unit", $"đơn vị '{unit}' lặp lại (đã có ở dòng {first}).");
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
                    throw new ImportException(row.Number, table.Headers[index], $"{unit}, {indicator}{(definition is null ? string.Empty : $" ({definition.Title})")}: {problem}.");
                }

                values.Add((unit, indicator, value!.Value.ToString()));
            }
        }

        return values;
    }

    private static ImportBatchDto ToDto(ImportBatch b) =>
        new(b.Id, b.Source.ToString(), b.Year, b.FileName, b.Sha256, b.Rows, InstantPattern.ExtendedIso.Format(b.ImportedAt), b.ImportedBy);
}
