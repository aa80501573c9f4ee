namespace Scoring.Catalog.Tests.Golden;

/// <summary>One unit of a hand-worked phase ranking: rank (null when not ranked), the three measures, phase grade and phase award.</summary>
internal sealed record GoldenPhaseUnit(string Code, int? Rank, decimal MeanTotal, int YearsExcellent, int Initiatives, string? Grade, string? Award);
