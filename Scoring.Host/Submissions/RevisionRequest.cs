namespace Scoring.Host.Submissions;

/// <summary>A create or revise of a submission: the values sent, and whether they replace all values (PUT) or merge into them (PATCH).</summary>
internal sealed record RevisionRequest(string Tenant, int Year, string Unit, Dictionary<string, string?>? Values, bool Merge);
