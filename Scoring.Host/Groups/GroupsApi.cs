using Microsoft.AspNetCore.Http.HttpResults;
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

    public static Task<Ok<List<GroupDto>>> ListGroups(string tenant, int year, GroupService groups, CancellationToken ct) =>
        groups.ListAsync(tenant, year, ct);

    public static Task<Results<Ok<GroupDto>, ProblemHttpResult>> GetGroup(string tenant, int year, string code, GroupService groups, CancellationToken ct) =>
        groups.GetAsync(tenant, year, code, ct);

    public static Task<Results<Created<GroupDto>, Ok<GroupDto>, ProblemHttpResult>> PutGroup(string tenant, int year, string code, GroupDto body, HttpContext http,
        GroupService groups, CancellationToken ct) =>
        groups.PutAsync(tenant, year, code, body, Actor.From(http.User), ct);

    public static Task<Results<NoContent, ProblemHttpResult>> DeleteGroup(string tenant, int year, string code, HttpContext http, GroupService groups, CancellationToken ct) =>
        groups.DeleteAsync(tenant, year, code, Actor.From(http.User), ct);

    /// <summary>CSV or .xlsx with columns group,groupName,groupKind,unit,role; the groups named are replaced. One bad row → nothing is written.</summary>
    public static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> ImportGroups(string tenant, int year, HttpRequest request, GroupService groups, CancellationToken ct)
    {
        if (await groups.MissingTenantAsync(tenant, ct) is { } missing)
        {
            return missing;
        }

        var read = await UploadedFile.ReadOrProblemAsync(request, UploadedFile.TableImportLimit, "Hãy gửi tệp .csv hoặc .xlsx trong trường 'file'.", ct);
        return read.File is { } upload ? await groups.ImportAsync(tenant, year, upload, Actor.From(request.HttpContext.User), ct) : read.Problem!;
    }

    internal static string MembershipLockKey(string tenant, int year) =>
        $"group-members:{tenant}:{year.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>A year's groups read and checked by the shared <see cref="GroupRows"/>; the first problem is thrown with every problem attached.</summary>
    internal static List<GroupDto> ParseGroups(TabularData table, int year, IReadOnlySet<string> knownUnits)
    {
        var parsed = GroupRows.Parse(table, knownUnits);
        return parsed.Succeeded ? parsed.Items.Select(g => g.ToDto(year)).ToList() : throw parsed.FirstError();
    }

    /// <summary>
    /// The groups an import replaces, sorted by code with sorted members: hashed before and after the import, so the audit
    /// entry's before hash is the after hash of the previous write of the same groups.
    /// </summary>
    internal static List<GroupDto> Snapshot(IEnumerable<Group> groups) =>
        groups.OrderBy(g => g.Code, StringComparer.Ordinal).Select(ToDto).ToList();

    /// <summary>Memberships of <paramref name="units"/> in the year's other groups (those not in <paramref name="replaced"/>), by unit.</summary>
    internal static async Task<List<(string Unit, string Group)>> MembershipsElsewhereAsync(ScoringDbContext db, string tenant, int year,
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
    internal static void CheckMembershipsElsewhere(TabularData table, List<GroupDto> parsed, List<Group> existing, int year)
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

    internal static GroupRole? ParseRole(string role) => role switch
    {
        "head" => GroupRole.Head,
        "deputy" => GroupRole.Deputy,
        "member" => GroupRole.Member,
        _ => null,
    };

    internal static void Apply(Group group, string name, string kind, IReadOnlyList<GroupMemberDto> members)
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
