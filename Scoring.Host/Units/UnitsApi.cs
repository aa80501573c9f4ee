using Microsoft.EntityFrameworkCore;
using NodaTime.Text;

namespace Scoring.Host.Units;

internal static class UnitsApi
{

    private static readonly string[] Kinds =
        ["locality", "department", "front", "enterprise", "public-service", "party-office", "armed-forces", "commune-agency"];

    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tenants/{tenant}/units").WithTags("Units");
        api.MapGet("/", ListUnits).WithName("ListUnits").AllowAnonymous()
            .WithSummary("List a tenant's units").Produces<List<UnitDto>>().ProducesProblems(StatusCodes.Status404NotFound);
        api.MapGet("/{code}", GetUnit).WithName("GetUnit").AllowAnonymous()
            .WithSummary("Get a unit").Produces<UnitDto>().ProducesProblems(StatusCodes.Status404NotFound);
        api.MapPost("/", CreateUnit).WithName("CreateUnit").RequireAuthorization(Policies.Administrator)
            .WithSummary("Create a unit").Produces<UnitDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType);
        api.MapPut("/{code}", UpdateUnit).WithName("UpdateUnit").RequireAuthorization(Policies.Administrator)
            .WithSummary("Update a unit").Produces<UnitDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status415UnsupportedMediaType);
        api.MapDelete("/{code}", DeleteUnit).WithName("DeleteUnit").RequireAuthorization(Policies.Administrator)
            .WithSummary("Delete a unit that has no submission (otherwise set validTo)").Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        api.MapPost("/import", ImportUnits).WithName("ImportUnits").RequireAuthorization(Policies.Administrator).DisableAntiforgery()
            .WithSummary("Import units from CSV or .xlsx")
            .WithDescription("Multipart field `file` (or a raw body with `?fileName=`), columns code,name,kind,validFrom,validTo,successor. "
                + "One bad row writes nothing: 422 names its `row` and `column`.")
            .Produces<ImportSummary>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<IResult> ListUnits(string tenant, ScoringDbContext db, CancellationToken ct)
    {
        if (!await db.Tenants.AnyAsync(t => t.Code == tenant, ct))
        {
            return Problems.NotFound($"Không có đơn vị chủ quản '{tenant}'.");
        }

        var units = await db.Units.AsNoTracking().Where(u => u.TenantCode == tenant).OrderBy(u => u.Code).ToListAsync(ct);
        return TypedResults.Ok(units.Select(ToDto).ToList());
    }

    public static async Task<IResult> GetUnit(string tenant, string code, ScoringDbContext db, CancellationToken ct) =>
        await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.TenantCode == tenant && u.Code == code, ct) is { } unit
            ? TypedResults.Ok(ToDto(unit))
            : Problems.NotFound($"Không có đơn vị '{code}' trong '{tenant}'.");

    public static async Task<IResult> CreateUnit(string tenant, UnitDto body, HttpContext http, ScoringDbContext db, AuditTrail audit, CancellationToken ct)
    {
        if (!await db.Tenants.AnyAsync(t => t.Code == tenant, ct))
        {
            return Problems.NotFound($"Không có đơn vị chủ quản '{tenant}'.");
        }

        if (Validate(body) is { } error)
        {
            return Problems.BadRequest(error);
        }

        if (await db.Units.AnyAsync(u => u.TenantCode == tenant && u.Code == body.Code, ct))
        {
            return Problems.Conflict($"Đơn vị '{body.Code}' đã có.");
        }

        if (await UnknownSuccessorAsync(db, tenant, body, ct) is { } successorProblem)
        {
            return Problems.BadRequest(successorProblem);
        }

        var unit = new Unit { TenantCode = tenant, Code = body.Code, Name = body.Name, Kind = body.Kind };
        Apply(unit, body);
        db.Units.Add(unit);
        audit.Record(db, Actor.From(http.User), "unit.create", "unit", $"{tenant}/{body.Code}", null, body);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/tenants/{tenant}/units/{body.Code}", ToDto(unit));
    }

    public static async Task<IResult> UpdateUnit(string tenant, string code, UnitDto body, HttpContext http, ScoringDbContext db, AuditTrail audit, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.TenantCode == tenant && u.Code == code, ct);
        if (unit is null)
        {
            return Problems.NotFound($"Không có đơn vị '{code}' trong '{tenant}'.");
        }

        body = body with { Code = code };
        if (Validate(body) is { } error)
        {
            return Problems.BadRequest(error);
        }

        if (await UnknownSuccessorAsync(db, tenant, body, ct) is { } successorProblem)
        {
            return Problems.BadRequest(successorProblem);
        }

        var before = ToDto(unit);
        Apply(unit, body);
        audit.Record(db, Actor.From(http.User), "unit.update", "unit", $"{tenant}/{code}", before, ToDto(unit));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(unit));
    }

    public static async Task<IResult> DeleteUnit(string tenant, string code, HttpContext http, ScoringDbContext db, AuditTrail audit, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.TenantCode == tenant && u.Code == code, ct);
        if (unit is null)
        {
            return Problems.NotFound($"Không có đơn vị '{code}' trong '{tenant}'.");
        }

        if (await db.Submissions.AnyAsync(s => s.TenantCode == tenant && s.UnitCode == code, ct))
        {
            return Problems.Conflict($"Đơn vị '{code}' đã có hồ sơ; hãy ghi ngày hết hiệu lực (validTo) thay vì xóa.");
        }

        // Refused rather than removed from its groups: a cluster's make-up decides ranks and quotas, so it changes only
        // when the administrator edits the group.
        var groups = await db.GroupMembers.AsNoTracking().Where(m => m.UnitCode == code)
            .Join(db.Groups.Where(g => g.TenantCode == tenant), m => m.GroupId, g => g.Id, (m, g) => new { g.Year, g.Code })
            .ToListAsync(ct);
        if (groups.Count > 0)
        {
            var names = string.Join(", ", groups.OrderBy(g => g.Year).ThenBy(g => g.Code, StringComparer.Ordinal).Select(g => $"'{g.Code}' năm {g.Year}"));
            return Problems.Conflict($"Đơn vị '{code}' còn là thành viên của cụm/khối {names}; hãy bỏ đơn vị khỏi các cụm/khối đó trước khi xóa.");
        }

        audit.Record(db, Actor.From(http.User), "unit.delete", "unit", $"{tenant}/{code}", ToDto(unit), null);
        db.Units.Remove(unit);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>CSV or .xlsx with columns code,name,kind,validFrom,validTo,successor. One bad row → nothing is written.</summary>
    public static async Task<IResult> ImportUnits(string tenant, HttpRequest request, ScoringDbContext db, AuditTrail audit, CancellationToken ct)
    {
        if (!await db.Tenants.AnyAsync(t => t.Code == tenant, ct))
        {
            return Problems.NotFound($"Không có đơn vị chủ quản '{tenant}'.");
        }

        var read = await UploadedFile.ReadOrProblemAsync(request, UploadedFile.TableImportLimit, "Hãy gửi tệp .csv hoặc .xlsx trong trường 'file'.", ct);
        if (read.File is not { } upload)
        {
            return read.Problem!;
        }

        var stored = await db.Units.Where(u => u.TenantCode == tenant).Select(u => u.Code).ToListAsync(ct);
        List<UnitDto> rows;
        try
        {
            rows = ParseUnits(TabularReader.Read(upload.Name, upload.Content), stored.ToHashSet(StringComparer.Ordinal));
        }
        catch (ImportException e)
        {
            return ImportProblem(e);
        }

        var existing = await db.Units.Where(u => u.TenantCode == tenant).ToDictionaryAsync(u => u.Code, ct);
        var before = Snapshot(rows.Select(r => existing.GetValueOrDefault(r.Code)).OfType<Unit>());
        var affected = new List<Unit>();
        foreach (var dto in rows)
        {
            if (!existing.TryGetValue(dto.Code, out var unit))
            {
                unit = new Unit { TenantCode = tenant, Code = dto.Code, Name = dto.Name, Kind = dto.Kind };
                db.Units.Add(unit);
            }

            Apply(unit, dto);
            affected.Add(unit);
        }

        audit.Record(db, Actor.From(request.HttpContext.User), "unit.import", "unit", $"{tenant}/*", before, Snapshot(affected));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ImportSummary(rows.Count, ContentHash.Of(upload.Content)));
    }

    public static IResult ImportProblem(ImportException e) =>
        Problems.Unprocessable(e.Message, new Dictionary<string, object?> { ["row"] = e.Row, ["column"] = e.Column });

    /// <summary>The rows of a units file; a successor must be a unit already stored or one of the file's rows.</summary>
    internal static List<UnitDto> ParseUnits(TabularData table, IReadOnlySet<string> storedUnits)
    {
        var columns = new[] { "code", "name", "kind", "validFrom", "validTo", "successor" };
        var index = columns.ToDictionary(c => c, table.IndexOf);
        foreach (var required in columns.Take(3).Where(c => index[c] < 0))
        {
            throw new ImportException(1, required, "thiếu cột bắt buộc.");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<UnitDto>();
        foreach (var row in table.Rows)
        {
            string Get(string column) => index[column] < 0 ? "" : row.Cell(index[column]);
            var dto = new UnitDto(Get("code"), Get("name"), Get("kind"), NullIfEmpty(Get("validFrom")), NullIfEmpty(Get("validTo")), NullIfEmpty(Get("successor")));
            foreach (var column in columns.Take(3).Where(c => Get(c).Length == 0))
            {
                throw new ImportException(row.Number, column, "ô trống.");
            }

            if (!Kinds.Contains(dto.Kind))
            {
                throw new ImportException(row.Number, "kind", $"loại '{dto.Kind}' không hợp lệ; dùng một trong: {string.Join(", ", Kinds)}.");
            }

            foreach (var column in new[] { "validFrom", "validTo" })
            {
                if (Get(column) is { Length: > 0 } text && !LocalDatePattern.Iso.Parse(text).Success)
                {
                    // A date cell is read as its date; a plain number here is a cell formatted as General or Number.
                    throw new ImportException(row.Number, column, decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _)
                        ? $"'{text}' là một số, không phải ngày: hãy định dạng ô là ngày (Date) hoặc ghi ngày dạng yyyy-MM-dd."
                        : $"ngày '{text}' không đúng dạng yyyy-MM-dd.");
                }
            }

            if (seen.TryGetValue(dto.Code, out var first))
            {
                throw new ImportException(row.Number, "code", $"mã '{dto.Code}' trùng với dòng {first}.");
            }

            seen[dto.Code] = row.Number;
            result.Add(dto);
        }

        var codes = result.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (dto, row) in result.Zip(table.Rows))
        {
            if (dto.Successor is { } successor && (successor == dto.Code || (!codes.Contains(successor) && !storedUnits.Contains(successor))))
            {
                throw new ImportException(row.Number, "successor", successor == dto.Code
                    ? $"đơn vị '{dto.Code}' không thể kế thừa chính nó."
                    : $"đơn vị kế thừa '{successor}' không có (chưa lưu và không có trong tệp).");
            }
        }

        return result;
    }

    /// <summary>
    /// The units an import writes, sorted by code: hashed before and after, so the audit entry's before hash is the after
    /// hash of the previous write of the same units.
    /// </summary>
    internal static List<UnitDto> Snapshot(IEnumerable<Unit> units) => units.OrderBy(u => u.Code, StringComparer.Ordinal).Select(ToDto).ToList();

    public static UnitDto ToDto(Unit u) =>
        new(u.Code, u.Name, u.Kind, u.ValidFrom is { } f ? LocalDatePattern.Iso.Format(f) : null, u.ValidTo is { } t ? LocalDatePattern.Iso.Format(t) : null, u.SuccessorCode);

    private static async Task<string?> UnknownSuccessorAsync(ScoringDbContext db, string tenant, UnitDto dto, CancellationToken ct)
    {
        if (dto.Successor is not { } successor)
        {
            return null;
        }

        if (successor == dto.Code)
        {
            return $"Đơn vị '{dto.Code}' không thể kế thừa chính nó.";
        }

        return await db.Units.AnyAsync(u => u.TenantCode == tenant && u.Code == successor, ct)
            ? null
            : $"Đơn vị kế thừa '{successor}' không có trong '{tenant}'; hãy tạo đơn vị đó trước.";
    }

    private static string? Validate(UnitDto dto)
    {
        if (string.IsNullOrWhiteSpace(dto.Code) || string.IsNullOrWhiteSpace(dto.Name))
        {
            return "Mã và tên đơn vị không được để trống.";
        }

        if (!Kinds.Contains(dto.Kind))
        {
            return $"Loại đơn vị '{dto.Kind}' không hợp lệ; dùng một trong: {string.Join(", ", Kinds)}.";
        }

        foreach (var date in new[] { dto.ValidFrom, dto.ValidTo })
        {
            if (date is not null && !LocalDatePattern.Iso.Parse(date).Success)
            {
                return $"Ngày '{date}' không đúng dạng yyyy-MM-dd.";
            }
        }

        return null;
    }

    private static void Apply(Unit unit, UnitDto dto)
    {
        unit.Name = dto.Name;
        unit.Kind = dto.Kind;
        unit.ValidFrom = dto.ValidFrom is null ? null : LocalDatePattern.Iso.Parse(dto.ValidFrom).Value;
        unit.ValidTo = dto.ValidTo is null ? null : LocalDatePattern.Iso.Parse(dto.ValidTo).Value;
        unit.SuccessorCode = dto.Successor;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
