using Microsoft.AspNetCore.Http.HttpResults;

namespace Scoring.Host.Council;

/// <summary>
/// The appraisal and the council's decision on a run's award proposals before publication, and the revocation of a
/// published award (<see cref="CouncilService"/>): appraisers of the run's tenant (Sở Nội vụ) and administrators.
/// </summary>
internal static class CouncilApi
{
    private const string Who = "Appraisers (role `appraiser`) of the run's tenant and administrators; every other role 403.";

    public static IEndpointRouteBuilder MapCouncilApi(this IEndpointRouteBuilder app)
    {
        var proposals = app.MapGroup("/api/runs/{id:long}/proposals").WithTags("Council").RequireAuthorization(Policies.Authenticated);
        proposals.MapGet("/", List).WithName("ListProposalReviews")
            .WithSummary("A completed run's award proposals with their appraisals, the council's decision and any revocation")
            .WithDescription(Who)
            .Produces<List<ProposalDto>>().ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        proposals.MapPost("/{proposal:long}/appraisal", Appraise).WithName("AppraiseProposal")
            .WithSummary("Confirm or adjust an award proposal, with a written reason (before publication and before the council's decision)")
            .WithDescription(Who + " `adjust` with an `award` of the pinned rule set proposes that form instead; without one it withdraws the proposal. "
                + "Every appraisal is kept (the latest counts) and audited.")
            .Produces<ProposalDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status415UnsupportedMediaType);
        proposals.MapPost("/{proposal:long}/decision", Decide).WithName("RecordCouncilDecision")
            .WithSummary("Record the emulation council's decision on an appraised proposal: approved or not, the ballot at a tie, the decision's number and date")
            .WithDescription(Who + " The appraiser records it as the council's secretary. A proposal tied at the quota's cut (`tieAtCut`) needs "
                + "`votesFor` and `votesAgainst`. A later decision replaces an earlier one until the run is published; both are kept and audited.")
            .Produces<ProposalDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status415UnsupportedMediaType);
        proposals.MapPost("/{proposal:long}/revocation", Revoke).WithName("RevokeAward")
            .WithSummary("Record the revocation of a published award, with its reason and the revoking decision's number and date")
            .WithDescription(Who + " The published run and award list are never changed: the revocation is recorded beside them (once per award, "
                + "append-only, audited) and shown on the public pages and in the APIs.")
            .Produces<ProposalDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    public static Task<Results<Ok<List<ProposalDto>>, ProblemHttpResult>> List(long id, HttpContext http, CouncilService council, CancellationToken ct) =>
        council.ListAsync(Actor.From(http.User), id, ct);

    public static Task<Results<Ok<ProposalDto>, ProblemHttpResult>> Appraise(long id, long proposal, AppraisalRequest? body, HttpContext http, CouncilService council, CancellationToken ct) =>
        council.AppraiseAsync(Actor.From(http.User), id, proposal, body, ct);

    public static Task<Results<Ok<ProposalDto>, ProblemHttpResult>> Decide(long id, long proposal, DecisionRequest? body, HttpContext http, CouncilService council, CancellationToken ct) =>
        council.DecideAsync(Actor.From(http.User), id, proposal, body, ct);

    public static Task<Results<Ok<ProposalDto>, ProblemHttpResult>> Revoke(long id, long proposal, RevocationRequest? body, HttpContext http, CouncilService council, CancellationToken ct) =>
        council.RevokeAsync(Actor.From(http.User), id, proposal, body, ct);
}
