using System.Net;

namespace Scoring.Host.Tests.Auth;

/// <summary>
/// The matrix's ninth column: what an appraiser of son-la's Department of Home Affairs (role <c>appraiser</c>) gets from every
/// endpoint. A row whose eight statuses are all the same (anyone) gives the appraiser that status too; every other row is
/// listed here. A row missing here fails <see cref="AuthorizationMatrixTests.EveryRow_HasTheAppraisersStatus"/>.
/// </summary>
internal static class AppraiserColumn
{
    public const string Role = "appraiser-son-la";

    private static readonly Dictionary<string, int> Listed = new(StringComparer.Ordinal)
    {
        ["GET /metrics"] = 403,
        ["GET /doi-mat-khau"] = 200,
        ["GET /lam-viec"] = 200,
        ["GET /don-vi/{tenant}/{unit}/{year:int?}"] = 403,
        ["GET /thu-ky"] = 403,
        ["GET /thu-ky/{tenant}/{year:int}/{group}"] = 403,
        ["GET /thu-ky/{tenant}/{year:int}/{group}/don-vi/{unit}"] = 403,
        ["GET /thu-ky/luot-cham/{id:long}/{group}"] = 403,
        ["GET /thu-ky/luot-cham/{id:long}/{group}/in"] = 403,
        ["GET /quan-tri"] = 403,
        ["GET /quan-tri/tai-khoan"] = 403,
        ["GET /quan-tri/tai-khoan/tao-moi"] = 403,
        ["GET /quan-tri/tai-khoan/hang-loat"] = 403,
        ["GET /quan-tri/nhap-du-lieu"] = 403,
        ["GET /quan-tri/luot-cham"] = 403,
        ["GET /quan-tri/luot-cham/{id:long}"] = 403,
        ["GET /quan-tri/luot-cham/{id:long}/cong-bo"] = 403,
        ["GET /quan-tri/nhat-ky"] = 403,
        ["GET /quan-tri/tinh/{tenant}"] = 403,
        ["GET /quan-tri/tinh/{tenant}/don-vi/{code}"] = 403,
        ["GET /quan-tri/tinh/{tenant}/phong-trao/{code}"] = 403,
        ["GET /quan-tri/tinh-moi"] = 403,
        ["GET /quan-tri/tinh/{tenant}/phong-trao-moi"] = 403,
        ["GET /quan-tri/tinh/{tenant}/cum-khoi/{year:int?}/{code?}"] = 403,
        ["GET /quy-tac"] = 403,
        ["GET /so-ket"] = 403,
        ["GET /so-ket/{id:long}"] = 403,
        ["GET /so-ket/{id:long}/in"] = 403,
        ["GET /quy-tac/nhap/{id}/{version}/do-nhay"] = 403,
        ["GET /do-nhay/luot-cham/{id:long}"] = 403,
        ["GET /quy-tac/{id}/{version}/phien-ban-moi"] = 403,
        ["GET /quy-tac/{id}/so-sanh"] = 403,
        ["GET /quy-tac/nhap/{id}/{version}"] = 403,
        ["GET /quy-tac/nhap/{id}/{version}/json"] = 403,
        ["GET /quy-tac/nhap/{id}/{version}/cham-thu"] = 403,
        ["GET /quy-tac/nhap-tu-tep"] = 403,
        ["GET /quy-tac/{id}/{version}/excel"] = 403,
        ["PUT /api/tenants/{tenant}"] = 403,
        ["POST /api/tenants/{tenant}/units"] = 403,
        ["PUT /api/tenants/{tenant}/units/{code}"] = 403,
        ["DELETE /api/tenants/{tenant}/units/{code}"] = 403,
        ["POST /api/tenants/{tenant}/units/import"] = 403,
        ["PUT /api/tenants/{tenant}/groups/{year:int}/{code}"] = 403,
        ["DELETE /api/tenants/{tenant}/groups/{year:int}/{code}"] = 403,
        ["POST /api/tenants/{tenant}/groups/{year:int}/import"] = 403,
        ["POST /api/rule-sets/validate"] = 403,
        ["POST /api/rule-sets"] = 403,
        ["GET /api/rule-sets/{id}/diff"] = 403,
        ["GET /api/tenants/{tenant}/submissions/{year:int}/{unit}"] = 403,
        ["GET /api/tenants/{tenant}/submissions/{year:int}/{unit}/revisions"] = 403,
        ["GET /api/tenants/{tenant}/submissions/{year:int}/{unit}/evidence/{id:long}"] = 403,
        ["PUT /api/tenants/{tenant}/submissions/{year:int}/{unit}"] = 403,
        ["PATCH /api/tenants/{tenant}/submissions/{year:int}/{unit}"] = 403,
        ["POST /api/tenants/{tenant}/submissions/{year:int}/{unit}/evidence"] = 403,
        ["POST /api/tenants/{tenant}/submissions/{year:int}/{unit}/submit"] = 403,
        ["POST /api/tenants/{tenant}/submissions/{year:int}/{unit}/review"] = 403,
        ["POST /api/tenants/{tenant}/submissions/{year:int}/{unit}/return"] = 403,
        ["POST /api/tenants/{tenant}/submissions/{year:int}/{unit}/lock"] = 403,
        ["POST /api/tenants/{tenant}/imports/{source}/{year:int}"] = 403,
        ["GET /api/tenants/{tenant}/imports"] = 403,
        ["POST /api/tenants/{tenant}/runs"] = 403,
        ["GET /api/tenants/{tenant}/runs"] = 403,
        // The tenant's appraiser reads the whole unpublished run: it appraises the run's proposals.
        ["GET /api/runs/{id:long}"] = 200,
        ["GET /api/runs/{id:long}/groups/{group}"] = 200,
        ["GET /api/runs/{id:long}/units/{unit}"] = 200,
        ["GET /api/runs/{id:long}/awards"] = 200,
        ["GET /api/runs/{id:long}/export.xlsx"] = 200,
        ["GET /api/runs/{id:long}/movement-scores"] = 200,
        ["GET /api/runs/{id:long}/movement-scores.xlsx"] = 200,
        ["POST /api/runs/{id:long}/publish"] = 403,
        ["POST /api/runs/{id:long}/verify"] = 403,
        // Rank sensitivity is the staff's and the maintainers' analysis.
        ["GET /api/rule-sets/{id}/{version}/sensitivity"] = 403,
        ["GET /api/rule-sets/{id}/drafts/{version}/sensitivity"] = 403,
        ["GET /api/runs/{id:long}/sensitivity"] = 403,
        // Phase reviews are the maintainers' (published ones: anyone, uniform rows).
        ["POST /api/tenants/{tenant}/reviews"] = 403,
        ["GET /api/reviews/{id:long}"] = 403,
        ["GET /api/reviews/{id:long}/result"] = 403,
        ["GET /api/reviews/{id:long}/report.xlsx"] = 403,
        ["POST /api/reviews/{id:long}/publish"] = 403,
        ["POST /api/reviews/{id:long}/verify"] = 403,
        // Its own pages and actions.
        ["GET /tham-dinh"] = 200,
        ["GET /tham-dinh/luot-cham/{id:long}"] = 200,
        ["GET /tham-dinh/luot-cham/{id:long}/hoi-dong"] = 200,
        ["GET /api/runs/{id:long}/proposals"] = 200,
        ["POST /api/runs/{id:long}/proposals/{proposal:long}/appraisal"] = 200,
        ["POST /api/runs/{id:long}/proposals/{proposal:long}/decision"] = 200,
        ["POST /api/runs/{id:long}/proposals/{proposal:long}/revocation"] = 200,
    };

    /// <summary>The appraiser's status for a row, or null when the row is not uniform and not listed.</summary>
    public static HttpStatusCode? For(EndpointExpectation row) =>
        Listed.TryGetValue(row.Key, out var status) ? (HttpStatusCode)status
        : row.Expected.Distinct().Count() == 1 ? row.Expected[0]
        : null;
}
