namespace Scoring.Host.Reviews;

/// <summary>The body of <c>POST /api/tenants/{tenant}/reviews</c>: the phase id a rule set declares, e.g. <c>2025-2027</c>.</summary>
internal sealed record ReviewRequest(string Phase);
