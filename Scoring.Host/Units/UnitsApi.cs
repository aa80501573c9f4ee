using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime.Text;
using Scoring.Rules.Model;

namespace Scoring.Host.Units;

internal static class UnitsApi
{
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

    public static Task<Results<Ok<List<UnitDto>>, ProblemHttpResult>> ListUnits(string tenant, UnitService units, CancellationToken ct) =>
        units.ListAsync(tenant, ct);

    public static Task<Results<Ok<UnitDto>, ProblemHttpResult>> GetUnit(string tenant, string code, UnitService units, CancellationToken ct) =>
        units.GetAsync(tenant, code, ct);

    public static Task<Results<Created<UnitDto>, ProblemHttpResult>> CreateUnit(string tenant, UnitDto body, HttpContext http, UnitService units, CancellationToken ct) =>
        units.CreateAsync(tenant, body, Actor.From(http.User), ct);

    public static Task<Results<Ok<UnitDto>, ProblemHttpResult>> UpdateUnit(string tenant, string code, UnitDto body, HttpContext http, UnitService units, CancellationToken ct) =>
        units.UpdateAsync(tenant, code, body, Actor.From(http.User), ct);

    public static Task<Results<NoContent, ProblemHttpResult>> DeleteUnit(string tenant, string code, HttpContext http, UnitService units, CancellationToken ct) =>
        units.DeleteAsync(tenant, code, Actor.From(http.User), ct);

    /// <summary>CSV or .xlsx with columns code,name,kind,validFrom,validTo,successor. One bad row → nothing is written.</summary>
    public static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> ImportUnits(string tenant, HttpRequest request, UnitService units, CancellationToken ct)
    {
        if (await units.MissingTenantAsync(tenant, ct) is { } missing)
        {
            return missing;
        }

        var read = await UploadedFile.ReadOrProblemAsync(request, UploadedFile.TableImportLimit, "Hãy gửi tệp .csv hoặc .xlsx trong trường 'file'.", ct);
        return read.File is { } upload ? await units.ImportAsync(tenant, upload, Actor.From(request.HttpContext.User), ct) : read.Problem!;
    }

    /// <summary>
    /// The rows of a units file, read and checked by the shared <see cref="UnitRows"/> (a successor must be a unit already
    /// stored or one of the file's rows); the first problem is thrown with every problem attached.
    /// </summary>
    internal static List<UnitDto> ParseUnits(TabularData table, IReadOnlySet<string> storedUnits)
    {
        var parsed = UnitRows.Parse(table, storedUnits);
        return parsed.Succeeded ? parsed.Items.Select(r => r.ToDto()).ToList() : throw parsed.FirstError();
    }

    /// <summary>
    /// The units an import writes, sorted by code: hashed before and after, so the audit entry's before hash is the after
    /// hash of the previous write of the same units.
    /// </summary>
    internal static List<UnitDto> Snapshot(IEnumerable<Unit> units) => units.OrderBy(u => u.Code, StringComparer.Ordinal).Select(ToDto).ToList();

    public static UnitDto ToDto(Unit u) =>
        new(u.Code, u.Name, u.Kind, u.ValidFrom is { } f ? LocalDatePattern.Iso.Format(f) : null, u.ValidTo is { } t ? LocalDatePattern.Iso.Format(t) : null, u.SuccessorCode);
}
