using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Scoring.Rules.Model;

namespace Scoring.Host.Groups;

/// <summary>
/// A year's clusters and blocs: listing, replacing or deleting one group, and importing a groups file. The rules live here,
/// not in the HTTP handlers: known kind, units and roles; one group per unit and year, checked and written under the
/// tenant/year's write lock; an import checked by the shared <see cref="GroupRows"/> writes every row or none. Every write
/// is audited.
/// </summary>
internal sealed class GroupService(ScoringDbContext db, AuditTrail audit)
{
    /// <summary>404 when the tenant does not exist; null otherwise.</summary>
    public async Task<ProblemHttpResult?> MissingTenantAsync(string tenant, CancellationToken ct) =>
        await TenantCheck.MissingAsync(db, tenant, ct);

    public async Task<Ok<List<GroupDto>>> ListAsync(string tenant, int year, CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking().Include(g => g.Members)
            .Where(g => g.TenantCode == tenant && g.Year == year).OrderBy(g => g.Code).ToListAsync(ct);
        return TypedResults.Ok(groups.Select(GroupsApi.ToDto).ToList());
    }

    public async Task<Results<Ok<GroupDto>, ProblemHttpResult>> GetAsync(string tenant, int year, string code, CancellationToken ct) =>
        await db.Groups.AsNoTracking().Include(g => g.Members).FirstOrDefaultAsync(g => g.TenantCode == tenant && g.Year == year && g.Code == code, ct) is { } group
            ? TypedResults.Ok(GroupsApi.ToDto(group))
            : Problems.NotFound($"Không có cụm/khối '{code}' năm {year}.");

    /// <summary>Creates (201) or replaces (200) a group and its members.</summary>
    public async Task<Results<Created<GroupDto>, Ok<GroupDto>, ProblemHttpResult>> PutAsync(string tenant, int year, string code, GroupDto body, Actor actor,
        CancellationToken ct)
    {
        if (await TenantCheck.MissingAsync(db, tenant, ct) is { } missingTenant)
        {
            return missingTenant;
        }

        if (!GroupKind.IsKnown(body.Kind))
        {
            return Problems.BadRequest($"Loại '{body.Kind}' không hợp lệ; dùng 'cluster' (cụm) hoặc 'bloc' (khối).", Field("kind"));
        }

        if (string.IsNullOrWhiteSpace(body.Name))
        {
            return Problems.BadRequest($"Thiếu tên cụm/khối '{code}' (trường `name`); hãy ghi tên, ví dụ \"Cụm thi đua số 1\".", Field("name"));
        }

        // A group without members ranks nobody and a run on it could only fail: refuse it here, where the mistake is made.
        if (body.Members is null || body.Members.Count == 0)
        {
            return Problems.BadRequest($"Cụm/khối '{code}' chưa có thành viên nào (trường `members` {(body.Members is null ? "bị thiếu hoặc null" : "rỗng")}); "
                + "một cụm/khối cần ít nhất một đơn vị. Hãy gửi `members`, ví dụ [{\"unit\": \"SL-L001\", \"role\": \"head\"}], hoặc xoá cụm/khối bằng DELETE.", Field("members"));
        }

        for (var i = 0; i < body.Members.Count; i++)
        {
            if (body.Members[i] is not { Unit.Length: > 0, Role: not null })
            {
                return Problems.BadRequest($"Thành viên thứ {i + 1} của '{code}' (`members[{i}]`) thiếu `unit` hoặc `role`; "
                    + "mỗi thành viên ghi dạng {\"unit\": \"SL-L001\", \"role\": \"member\"} (role: head, deputy hoặc member).", Field("members"));
            }
        }

        var known = await db.Units.Where(u => u.TenantCode == tenant).Select(u => u.Code).ToListAsync(ct);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in body.Members)
        {
            if (!known.Contains(member.Unit))
            {
                return Problems.BadRequest($"Đơn vị '{member.Unit}' không có trong '{tenant}'.", Field("members"));
            }

            if (GroupsApi.ParseRole(member.Role) is null)
            {
                return Problems.BadRequest($"Vai trò '{member.Role}' của '{member.Unit}' không hợp lệ; dùng head, deputy hoặc member.", Field("members"));
            }

            if (!listed.Add(member.Unit))
            {
                return Problems.BadRequest($"Đơn vị '{member.Unit}' có hai lần trong danh sách thành viên của '{code}'.", Field("members"));
            }
        }

        // One group per unit and year (as the command line's groups.csv): a run would otherwise score the unit twice.
        // Checked and written under the tenant/year's lock, so two writers of different groups cannot both add a unit.
        await using var transaction = await WriteLock.BeginAsync(db, GroupsApi.MembershipLockKey(tenant, year), ct);
        var taken = await GroupsApi.MembershipsElsewhereAsync(db, tenant, year, listed, [code], ct);
        if (taken.Count > 0)
        {
            var clash = taken[0];
            return Problems.Conflict($"Đơn vị '{clash.Unit}' đã thuộc cụm/khối '{clash.Group}' năm {year}; mỗi đơn vị chỉ thuộc một cụm/khối trong năm. "
                + $"Hãy bỏ đơn vị khỏi '{clash.Group}' trước.", Field("members"));
        }

        var group = await db.Groups.Include(g => g.Members).FirstOrDefaultAsync(g => g.TenantCode == tenant && g.Year == year && g.Code == code, ct);
        var before = group is null ? null : GroupsApi.ToDto(group);
        var created = group is null;
        group ??= db.Groups.Add(new Group { TenantCode = tenant, Year = year, Code = code, Name = body.Name, Kind = body.Kind }).Entity;
        GroupsApi.Apply(group, body.Name, body.Kind, body.Members);
        audit.Record(db, actor, created ? "group.create" : "group.update", "group", $"{tenant}/{year}/{code}", before, GroupsApi.ToDto(group));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return created ? TypedResults.Created($"/api/tenants/{tenant}/groups/{year}/{code}", GroupsApi.ToDto(group)) : TypedResults.Ok(GroupsApi.ToDto(group));
    }

    public async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string tenant, int year, string code, Actor actor, CancellationToken ct)
    {
        var group = await db.Groups.Include(g => g.Members).FirstOrDefaultAsync(g => g.TenantCode == tenant && g.Year == year && g.Code == code, ct);
        if (group is null)
        {
            return Problems.NotFound($"Không có cụm/khối '{code}' năm {year}.");
        }

        audit.Record(db, actor, "group.delete", "group", $"{tenant}/{year}/{code}", GroupsApi.ToDto(group), null);
        db.Groups.Remove(group);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Replaces the groups a file names (the others are kept) or, with any bad row, writes nothing.</summary>
    public async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> ImportAsync(string tenant, int year, (string Name, string ContentType, byte[] Content) upload,
        Actor actor, CancellationToken ct)
    {
        var outcome = await ImportRowsAsync(tenant, year, upload.Name, upload.Content, actor, ct);
        return outcome.Error is { } error ? error.ToProblem() : TypedResults.Ok(outcome.Value!);
    }

    /// <summary>The import itself, for the API and the administrators' console alike: every row written, or every bad row and nothing written.</summary>
    public async Task<ImportOutcome<ImportSummary>> ImportRowsAsync(string tenant, int year, string fileName, byte[] content, Actor actor, CancellationToken ct)
    {
        await using var transaction = await WriteLock.BeginAsync(db, GroupsApi.MembershipLockKey(tenant, year), ct);
        var known = (await db.Units.Where(u => u.TenantCode == tenant).Select(u => u.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var existing = await db.Groups.Include(g => g.Members).Where(g => g.TenantCode == tenant && g.Year == year).ToListAsync(ct);
        List<GroupDto> parsed;
        try
        {
            var table = TabularReader.Read(fileName, content);
            parsed = GroupsApi.ParseGroups(table, year, known);
            GroupsApi.CheckMembershipsElsewhere(table, parsed, existing, year);
        }
        catch (ImportException e)
        {
            return ImportOutcome<ImportSummary>.Refused(e);
        }

        var named = parsed.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
        var before = GroupsApi.Snapshot(existing.Where(g => named.Contains(g.Code)));
        var affected = new List<Group>();
        foreach (var dto in parsed)
        {
            var group = existing.FirstOrDefault(g => g.Code == dto.Code)
                ?? db.Groups.Add(new Group { TenantCode = tenant, Year = year, Code = dto.Code, Name = dto.Name, Kind = dto.Kind }).Entity;
            GroupsApi.Apply(group, dto.Name, dto.Kind, dto.Members);
            affected.Add(group);
        }

        var sha = ContentHash.Of(content);
        audit.Record(db, actor, "group.import", "group", $"{tenant}/{year}/*", before, GroupsApi.Snapshot(affected));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ImportOutcome<ImportSummary>.Written(new ImportSummary(parsed.Sum(g => g.Members.Count), sha));
    }

    /// <summary>The problem's <c>field</c> extension: the body field a refusal concerns, so a form can show it beside that field.</summary>
    private static Dictionary<string, object?> Field(string name) => new(StringComparer.Ordinal) { ["field"] = name };
}
