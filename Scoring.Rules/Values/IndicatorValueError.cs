namespace Scoring.Rules.Values;

/// <summary>One value that does not fit: the indicator, its title when declared, the value as sent, what is wrong and what is allowed.</summary>
public sealed record IndicatorValueError(string Indicator, string? Title, string? Value, string Problem, string Allowed)
{
    /// <summary>"`dti` (Chỉ số DTI) = «1.5»: 1,5 nằm ngoài khoảng cho phép; giá trị hợp lệ: một số …, từ 0 đến 1".</summary>
    public override string ToString() =>
        $"`{Indicator}`{(Title is null ? string.Empty : $" ({Title})")} = «{Value}»: {Problem}{(Undeclared ? string.Empty : $"; giá trị hợp lệ: {Allowed}")}";

    /// <summary>The indicator is not declared at all: what is allowed is the rule set's list of indicators, which a message names once.</summary>
    public bool Undeclared => Allowed.Length == 0;
}
