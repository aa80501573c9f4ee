namespace Scoring.Rules.Model;

/// <summary>
/// A date indicator against a due date (a fixed date, or a day and month in the scoring year), all local
/// dates in Asia/Ho_Chi_Minh: max minus Deduction per day or week late (a started week counts), never below Floor.
/// </summary>
public sealed record DeadlineMethod(string Date, DueDate Due, decimal Deduction, DeductionUnit Per, decimal Floor) : CriterionMethod
{
    public override string Name => "deadline";
}
