using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Groups;

internal static class GroupsApi
{

    public static IEndpointRouteBuilder MapGroupsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tenants/{tenant}/groups/{year:int}").WithTags("Groups");
        api.MapGet("/", ListGroups).WithName("ListGroups").AllowAnonymous()
            .WithSummary("List a year's clusters and blocs with their members").Produces<List<GroupDto>>();
        api.MapGet("/{code}", GetGroup).WithName("GetGroup").AllowAnonymous()
            .WithSummary("Get a group with its members").Produces<GroupDto>().ProducesProblems(StatusCodes.Status404NotFound);
        api.MapPut("/{code}", PutGroup).WithName("PutGroup").RequireAuthorization(Policies.Administrator)
            .WithSummary("Create (201) or replace (200) a group and its members")
            .Produces<GroupDto>(StatusCodes.Status201Created).Produces<GroupDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status415UnsupportedMediaType);
        api.MapDelete("/{code}", DeleteGroup).WithName("DeleteGroup").RequireAuthorization(Policies.Administrator)
            .WithSummary("Delete a group").Produces(StatusCodes.Status204NoContent).ProducesProblems(StatusCodes.Status404NotFound);
        api.MapPost("/import", ImportGroups).WithName("ImportGroups").RequireAuthorization(Policies.Administrator).DisableAntiforgery()
            .WithSummary("Import a year's groups from CSV or .xlsx")
            .WithDescription("Multipart field `file` (or a raw body with `?fileName=`), columns group,groupName,groupKind,unit,role; the groups "
                + "named are replaced. One bad row writes nothing: 422 names its `row` and `column`.")
            .Produces<ImportSummary>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<IResult> ListGroups(string tenant, int year, ScoringDbContext db, CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking().Include(g => g.Members)
            .Where(g => g.TenantCode == tenant && g.Year == year).OrderBy(g => g.Code).ToListAsync(ct);
        return TypedResults.Ok(groups.Select(ToDto).ToList());
    }

    public static async Task<IResult> GetGroup(string tenant, int year, string code, ScoringDbContext db, CancellationToken ct) =>
        await db.Groups.AsNoTracking().Include(g => g.Members).FirstOrDefaultAsync(g => g.TenantCode == tenant && g.Year == year && g.Code == code, ct) is { } group
            ? TypedResults.Ok(ToDto(group))
            : Problems.NotFound($"Không có cụm/khối '{code}' năm {year}.");

    public static async Task<IResult> PutGroup(string tenant, int year, string code, GroupDto body, HttpContext http, ScoringDbContext db, AuditTrail audit, CancellationToken ct)
    {
        if (!await db.Tenants.AnyAsync(t => t.Code == tenant, ct))
        {
            return Problems.NotFound($"Không có đơn vị chủ quản '{tenant}'.");
        }

        if (body.Kind is not ("cluster" or "bloc"))
        {
            return Problems.BadRequest($"Loại '{body.Kind}' không hợp lệ; dùng 'cluster' (cụm) hoặc 'bloc' (khối).");
        }

        if (string.IsNullOrWhiteSpace(body.Name))
        {
            return Problems.BadRequest($"Thiếu tên cụm/khối '{code}' (trường `name`); hãy ghi tên, ví dụ \"Cụm thi đua số 1\".");
        }

        // A group without members ranks nobody and a run on it could only fail: refuse it here, where the mistake is made.
        if (body.Members is null || body.Members.Count == 0)
        {
            return Problems.BadRequest($"Cụm/khối '{code}' chưa có thành viên nào (trường `members` {(body.Members is null ? "bị thiếu hoặc null" : "rỗng")}); "
                + "một cụm/khối cần ít nhất một đơn vị. Hãy gửi `members`, ví dụ [{\"unit\": \"SL-L001\", \"role\": \"head\"}], hoặc xoá cụm/khối bằng DELETE.");
        }

        for (var i = 0; i < body.Members.Count; i++)
        {
            if (body.Members[i] is not { Unit.Length: > 0, Role: not null })
            {
                return Problems.BadRequest($"Thành viên thứ {i + 1} của '{code}' (`members[{i}]`) thiếu `unit` hoặc `role`; "
                    + "mỗi thành viên ghi dạng {\"unit\": \"SL-L001\", \"role\": \"member\"} (role: head, deputy hoặc member).");
            }
        }

        var known = await db.Units.Where(u => u.TenantCode == tenant).Select(u => u.Code).ToListAsync(ct);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in body.Members)
        {
            if (!known.Contains(member.Unit))
            {
                return Problems.BadRequest($"Đơn vị '{member.Unit}' không có trong '{tenant}'.");
            }

            if (ParseRole(member.Role) is null)
            {
                return Problems.BadRequest($"Vai trò '{member.Role}' của '{member.Unit}' không hợp lệ; dùng head, deputy hoặc member.");
            }

            if (!listed.Add(member.Unit))
            {
                return Problems.BadRequest($"Đơn vị '{member.Unit}' có hai lần trong danh sách thành viên của '{code}'.");
            }
        }

        // One group per unit and year (as the command line's groups.csv): a run would otherwise score the unit twice.
        // Checked and written under the tenant/year's lock, so two writers of different groups cannot both add a unit.
        await using var transaction = await WriteLock.BeginAsync(db, MembershipLockKey(tenant, year), ct);
        var taken = await MembershipsElsewhereAsync(db, tenant, year, listed, [code], ct);
        if (taken.Count > 0)
        {
            var clash = taken[0];
            return Problems.Conflict($"Đơn vị '{clash.Unit}' đã thuộc cụm/khối '{clash.Group}' năm {year}; mỗi đơn vị chỉ thuộc một cụm/khối trong năm. "
                + $"Hãy bỏ đơn vị khỏi '{clash.Group}' trước.");
        }

        var group = await db.Groups.Include(g => g.Members).FirstOrDefaultAsync(g => g.TenantCode == tenant && g.Year == year && g.Code == code, ct);
        var before = group is null ? null : ToDto(group);
        var created = group is null;
        group ??= db.Groups.Add(new Group { TenantCode = tenant, Year = year, Code = code, Name = body.Name, Kind = body.Kind }).Entity;
        Apply(group, body.Name, body.Kind, body.Members);
        audit.Record(db, Actor.From(http.User), created ? "group.create" : "group.update", "group", $"{tenant}/{year}/{code}", before, ToDto(group));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return created ? TypedResults.Created($"/api/tenants/{tenant}/groups/{year}/{code}", ToDto(group)) : TypedResults.Ok(ToDto(group));
    }

    public static async Task<IResult> DeleteGroup(string tenant, int year, string code, HttpContext http, ScoringDbContext db, AuditTrail audit, CancellationToken ct)
    {
        var group = await db.Groups.Include(g => g.Members).FirstOrDefaultAsync(g => g.TenantCode == tenant && g.Year == year && g.Code == code, ct);
        if (group is null)
        {
            return Problems.NotFound($"Không có cụm/khối '{code}' năm {year}.");
        }

        audit.Record(db, Actor.From(http.User), "group.delete", "group", $"{tenant}/{year}/{code}", ToDto(group), null);
        db.Groups.Remove(group);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>CSV or .xlsx with columns group,groupName,groupKind,unit,role; the groups named are replaced. One bad row → nothing is written.</summary>
    public static async Task<IResult> ImportGroups(string tenant, int year, HttpRequest request, ScoringDbContext db, AuditTrail audit, CancellationToken ct)
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

        await using var transaction = await WriteLock.BeginAsync(db, MembershipLockKey(tenant, year), ct);
        var known = (await db.Units.Where(u => u.TenantCode == tenant).Select(u => u.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var existing = await db.Groups.Include(g => g.Members).Where(g => g.TenantCode == tenant && g.Year == year).ToListAsync(ct);
        List<GroupDto> parsed;
        try
        {
            var table = TabularReader.Read(upload.Name, upload.Content);
            parsed = ParseGroups(table, year, known);
            CheckMembershipsElsewhere(table, parsed, existing, year);
        }
        catch (ImportException e)
        {
            return UnitsApi.ImportProblem(e);
        }

        var named = parsed.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
        var before = Snapshot(existing.Where(g => named.Contains(g.Code)));
        var affected = new List<Group>();
        foreach (var dto in parsed)
        {
            var group = existing.FirstOrDefault(g => g.Code == dto.Code)
                ?? db.Groups.Add(new Group { TenantCode = tenant, Year = year, Code = dto.Code, Name = dto.Name, Kind = dto.Kind }).Entity;
            Apply(group, dto.Name, dto.Kind, dto.Members);
            affected.Add(group);
        }

        var sha = ContentHash.Of(upload.Content);
        audit.Record(db, Actor.From(request.HttpContext.User), "group.import", "group", $"{tenant}/{year}/*", before, Snapshot(affected));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new ImportSummary(parsed.Sum(g => g.Members.Count), sha));
    }

    private static string MembershipLockKey(string tenant, int year) =>
        $"group-members:{tenant}:{year.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    internal static List<GroupDto> ParseGroups(TabularData table, int year, IReadOnlySet<string> knownUnits)
    {
        var columns = new[] { "group", "groupName", "groupKind", "unit", "role" };
        var index = columns.ToDictionary(c => c, table.IndexOf);
        foreach (var missing in columns.Where(c => index[c] < 0))
        {
            throw new ImportException(1, missing, "thiếu cột bắt buộc.");
        }

        var groups = new Dictionary<string, (string Name, string Kind, List<GroupMemberDto> Members)>(StringComparer.Ordinal);
        var memberRows = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstRows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            string Get(string column) => row.Cell(index[column]);
            foreach (var column in columns.Where(c => Get(c).Length == 0))
            {
                throw new ImportException(row.Number, column, "ô trống.");
            }

            if (Get("groupKind") is not ("cluster" or "bloc"))
            {
                throw new ImportException(row.Number, "groupKind", $"'{Get("groupKind")}' không hợp lệ; dùng cluster hoặc bloc.");
            }

            if (ParseRole(Get("role")) is null)
            {
                throw new ImportException(row.Number, "role", $"'{Get("role")}' không hợp lệ; dùng head, deputy hoặc member.");
            }

            if (!knownUnits.Contains(Get("unit")))
            {
                throw new ImportException(row.Number, "unit", $"đơn vị '{Get("unit")}' chưa có; hãy nhập danh sách đơn vị trước.");
            }

            if (memberRows.TryGetValue(Get("unit"), out var first))
            {
                throw new ImportException(row.Number, "unit", $"đơn vị '{Get("unit")}' đã thuộc một cụm/khối ở dòng {first}.");
            }

            memberRows[Get("unit")] = row.Number;
            if (!groups.TryGetValue(Get("group"), out var group))
            {
                group = (Get("groupName"), Get("groupKind"), []);
                groups[Get("group")] = group;
                firstRows[Get("group")] = row.Number;
            }
            else
            {
                // groupName and groupKind repeat on every row of a group and must agree (docs/data.md).
                foreach (var (column, value) in new[] { ("groupKind", group.Kind), ("groupName", group.Name) })
                {
                    if (Get(column) != value)
                    {
                        throw new ImportException(row.Number, column,
                            $"cụm/khối '{Get("group")}' ghi {column} '{Get(column)}' nhưng ở dòng {firstRows[Get("group")]} là '{value}'; mọi dòng của một cụm/khối phải ghi giống nhau.");
                    }
                }
            }

            group.Members.Add(new GroupMemberDto(Get("unit"), Get("role")));
        }

        return groups.Select(g => new GroupDto(g.Key, g.Value.Name, g.Value.Kind, year, g.Value.Members)).ToList();
    }

    /// <summary>
    /// The groups an import replaces, sorted by code with sorted members: hashed before and after the import, so the audit
    /// entry's before hash is the after hash of the previous write of the same groups.
    /// </summary>
    internal static List<GroupDto> Snapshot(IEnumerable<Group> groups) =>
        groups.OrderBy(g => g.Code, StringComparer.Ordinal).Select(ToDto).ToList();

    /// <summary>Memberships of <paramref name="units"/> in the year's other groups (those not in <paramref name="replaced"/>), by unit.</summary>
    private static async Task<List<(string Unit, string Group)>> MembershipsElsewhereAsync(ScoringDbContext db, string tenant, int year,
        IReadOnlyCollection<string> units, IReadOnlyCollection<string> replaced, CancellationToken ct)
    {
        string[] unitCodes = [.. units];
        string[] replacedCodes = [.. replaced];
        var rows = await db.GroupMembers.AsNoTracking().Where(m => unitCodes.Contains(m.UnitCode))
            .Join(db.Groups.Where(g => g.TenantCode == tenant && g.Year == year && !replacedCodes.Contains(g.Code)), m => m.GroupId, g => g.Id,
                (m, g) => new { m.UnitCode, g.Code })
            .ToListAsync(ct);
        return rows.Select(r => (r.UnitCode, r.Code)).OrderBy(r => r.UnitCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// An import replaces the groups it names and keeps the others: a unit listed in the file must not stay in a group the
    /// file does not name. The first such row is reported.
    /// </summary>
    private static void CheckMembershipsElsewhere(TabularData table, List<GroupDto> parsed, List<Group> existing, int year)
    {
        var named = parsed.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
        var elsewhere = existing.Where(g => !named.Contains(g.Code))
            .SelectMany(g => g.Members.Select(m => (m.UnitCode, g.Code)))
            .ToDictionary(x => x.UnitCode, x => x.Code, StringComparer.Ordinal);
        var unitColumn = table.IndexOf("unit");
        foreach (var row in table.Rows)
        {
            if (elsewhere.TryGetValue(row.Cell(unitColumn), out var other))
            {
                throw new ImportException(row.Number, "unit",
                    $"đơn vị '{row.Cell(unitColumn)}' đã thuộc cụm/khối '{other}' năm {year} (không có trong tệp); mỗi đơn vị chỉ thuộc một cụm/khối trong năm. "
                    + $"Hãy thêm '{other}' vào tệp hoặc bỏ đơn vị khỏi '{other}' trước.");
            }
        }
    }

    public static GroupDto ToDto(Group g) =>
        new(g.Code, g.Name, g.Kind, g.Year, g.Members.OrderBy(m => m.UnitCode, StringComparer.Ordinal)
            .Select(m => new GroupMemberDto(m.UnitCode, m.Role.ToString().ToLowerInvariant())).ToList());

    private static GroupRole? ParseRole(string role) => role switch
    {
        "head" => GroupRole.Head,
        "deputy" => GroupRole.Deputy,
        "member" => GroupRole.Member,
        _ => null,
    };

    private static void Apply(Group group, string name, string kind, IReadOnlyList<GroupMemberDto> members)
    {
        group.Name = name;
        group.Kind = kind;
        group.Members.RemoveAll(m => members.All(x => x.Unit != m.UnitCode));
        foreach (var dto in members)
        {
            var member = group.Members.FirstOrDefault(m => m.UnitCode == dto.Unit);
            if (member is null)
            {
                group.Members.Add(new GroupMember { UnitCode = dto.Unit, Role = ParseRole(dto.Role)!.Value });
            }
            else
            {
                member.Role = ParseRole(dto.Role)!.Value;
            }
        }
    }
}
