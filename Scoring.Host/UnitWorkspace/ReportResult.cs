using Scoring.Engine.Results;

namespace Scoring.Host.UnitWorkspace;

/// <summary>The unit's card from the latest run that scored it: before publication only the unit sees it here; once published, it is public.</summary>
internal sealed record ReportResult(long RunId, bool Published, string GroupCode, int GroupSize, UnitScore Score);
