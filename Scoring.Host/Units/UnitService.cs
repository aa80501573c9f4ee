using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;

namespace Scoring.Host.Units;

/// <summary>
/// A tenant's units: listing, creating, changing and deleting one unit, and importing a units file. The rules live here,
/// not in the HTTP handlers: a unit is checked by the shared <see cref="UnitRows"/>; a successor must exist; a unit with a
/// submission or still in a group is not deleted; an import writes every row or none. Every write is audited.
/// </summary>
internal sealed class UnitService(ScoringDbContext db, AuditTrail audit)
{
    /// <summary>404 when the tenant does not exist; null otherwise.</summary>
    public async Task<ProblemHttpResult?> MissingTenantAsync(string tenant, CancellationToken ct) =>
        await TenantCheck.MissingAsync(db, tenant, ct);

    public async Task<Results<Ok<List<UnitDto>>, ProblemHttpResult>> ListAsync(string tenant, CancellationToken ct)
    {
        if (await MissingTenantAsync(tenant, ct) is { } missing)
        {
            return missing;
        }

        var units = await db.Units.AsNoTracking().Where(u => u.TenantCode == tenant).OrderBy(u => u.Code).ToListAsync(ct);
        return TypedResults.Ok(units.Select(UnitsApi.ToDto).ToList());
    }

    public async Task<Results<Ok<UnitDto>, ProblemHttpResult>> GetAsync(string tenant, string code, CancellationToken ct) =>
        await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.TenantCode == tenant && u.Code == code, ct) is { } unit
            ? TypedResults.Ok(UnitsApi.ToDto(unit))
            : Problems.NotFound($"Không có đơn vị '{code}' trong '{tenant}'.");

    public async Task<Results<Created<UnitDto>, ProblemHttpResult>> CreateAsync(string tenant, UnitDto body, Actor actor, CancellationToken ct)
    {
        if (await MissingTenantAsync(tenant, ct) is { } missing)
        {
            return missing;
        }

        if (Validate(body) is { } error)
        {
            return Problems.BadRequest(error);
        }

        if (await db.Units.AnyAsync(u => u.TenantCode == tenant && u.Code == body.Code, ct))
        {
            return Problems.Conflict($"Đơn vị '{body.Code}' đã có.");
        }

        if (await UnknownSuccessorAsync(tenant, body, ct) is { } successorProblem)
        {
            return Problems.BadRequest(successorProblem, Field("successor"));
        }

        if (await SuccessionProblemAsync(tenant, body, ct) is { } succession)
        {
            return succession;
        }

        var unit = new Unit { TenantCode = tenant, Code = body.Code, Name = body.Name, Kind = body.Kind };
        Apply(unit, body);
        db.Units.Add(unit);
        audit.Record(db, actor, "unit.create", "unit", $"{tenant}/{body.Code}", null, body);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/tenants/{tenant}/units/{body.Code}", UnitsApi.ToDto(unit));
    }

    public async Task<Results<Ok<UnitDto>, ProblemHttpResult>> UpdateAsync(string tenant, string code, UnitDto body, Actor actor, CancellationToken ct)
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

        if (await UnknownSuccessorAsync(tenant, body, ct) is { } successorProblem)
        {
            return Problems.BadRequest(successorProblem, Field("successor"));
        }

        if (await SuccessionProblemAsync(tenant, body, ct) is { } succession)
        {
            return succession;
        }

        var before = UnitsApi.ToDto(unit);
        Apply(unit, body);
        audit.Record(db, actor, "unit.update", "unit", $"{tenant}/{code}", before, UnitsApi.ToDto(unit));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UnitsApi.ToDto(unit));
    }

    public async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string tenant, string code, Actor actor, CancellationToken ct)
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

        audit.Record(db, actor, "unit.delete", "unit", $"{tenant}/{code}", UnitsApi.ToDto(unit), null);
        db.Units.Remove(unit);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Writes every row of a units file (new units added, existing ones changed) or, with any bad row, nothing.</summary>
    public async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> ImportAsync(string tenant, (string Name, string ContentType, byte[] Content) upload,
        Actor actor, CancellationToken ct)
    {
        var outcome = await ImportRowsAsync(tenant, upload.Name, upload.Content, actor, ct);
        return outcome.Error is { } error ? error.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    /// <summary>The import itself, for the API and the administrators' console alike: every row written, or every bad row and nothing written.</summary>
    public async Task<ImportOutcome<ImportSummary>> ImportRowsAsync(string tenant, string fileName, byte[] content, Actor actor, CancellationToken ct)
    {
        var stored = await db.Units.Where(u => u.TenantCode == tenant).Select(u => u.Code).ToListAsync(ct);
        List<UnitDto> rows;
        try
        {
            rows = UnitsApi.ParseUnits(TabularReader.Read(fileName, content), stored.ToHashSet(StringComparer.Ordinal));
        }
        catch (ImportException e)
        {
            return ImportOutcome<ImportSummary>.Refused(e);
        }

        var existing = await db.Units.Where(u => u.TenantCode == tenant).ToDictionaryAsync(u => u.Code, ct);
        var before = UnitsApi.Snapshot(rows.Select(r => existing.GetValueOrDefault(r.Code)).OfType<Unit>());
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

        audit.Record(db, actor, "unit.import", "unit", $"{tenant}/*", before, UnitsApi.Snapshot(affected));
        await db.SaveChangesAsync(ct);
        return ImportOutcome<ImportSummary>.Written(new ImportSummary(rows.Count, ContentHash.Of(content)));
    }

    /// <summary>The refusal of <see cref="UnitSuccession"/> for a checked body (dates valid, successor known), or null.</summary>
    private async Task<ProblemHttpResult?> SuccessionProblemAsync(string tenant, UnitDto dto, CancellationToken ct)
    {
        var related = await db.Units.AsNoTracking().Where(u => u.TenantCode == tenant && (u.SuccessorCode != null || u.Code == dto.Successor)).ToListAsync(ct);
        var successors = related.Where(u => u.SuccessorCode is not null).ToDictionary(u => u.Code, u => u.SuccessorCode, StringComparer.Ordinal);
        successors[dto.Code] = dto.Successor;
        var problem = UnitSuccession.Problem(dto.Code, Date(dto.ValidFrom), Date(dto.ValidTo), related.FirstOrDefault(u => u.Code == dto.Successor),
            related.Where(u => u.SuccessorCode == dto.Code), code => successors.GetValueOrDefault(code));
        return problem is { } p ? Problems.BadRequest(p.Message, Field(p.Field)) : null;
    }

    private static NodaTime.LocalDate? Date(string? iso) => iso is null ? null : LocalDatePattern.Iso.Parse(iso).Value;

    /// <summary>The problem's <c>field</c> extension: the body field a refusal concerns, so a form can show it beside that field.</summary>
    private static Dictionary<string, object?> Field(string name) => new(StringComparer.Ordinal) { ["field"] = name };

    private async Task<string?> UnknownSuccessorAsync(string tenant, UnitDto dto, CancellationToken ct)
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

        if (!Scoring.Rules.Model.UnitKind.IsKnown(dto.Kind))
        {
            return $"Loại đơn vị '{dto.Kind}' không hợp lệ; dùng một trong: {Scoring.Rules.Model.UnitKind.AllText}.";
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
}
