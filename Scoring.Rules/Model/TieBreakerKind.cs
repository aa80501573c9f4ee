namespace Scoring.Rules.Model;

public enum TieBreakerKind
{
    Section,
    Criterion,
    Indicator,
    Bonus,
    Penalty,
}
