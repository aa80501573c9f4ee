namespace Scoring.Rules.Values;

/// <summary>Why a value does not fit its indicator (<paramref name="Problem"/>) and what would (<paramref name="Allowed"/>), in Vietnamese.</summary>
public sealed record ValueProblem(string Problem, string Allowed)
{
    public override string ToString() => $"{Problem}; giá trị hợp lệ: {Allowed}";
}
