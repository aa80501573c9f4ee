namespace Scoring.Engine.Model;

/// <summary>An earlier year's outcome for a unit (already mapped onto successors by the caller), for award prerequisites.</summary>
public sealed record HistoryRecord(string UnitCode, int Year, string? Grade, string? Award);
