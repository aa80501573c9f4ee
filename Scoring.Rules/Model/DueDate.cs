using NodaTime;

namespace Scoring.Rules.Model;

/// <summary>A due date: either fixed ("2025-08-31") or the same day each scoring year ("11-10" = 10 November).</summary>
public sealed record DueDate(LocalDate? Fixed, AnnualDate? Annual)
{
    public LocalDate For(int year) => Fixed ?? Annual!.Value.InYear(year);
}
