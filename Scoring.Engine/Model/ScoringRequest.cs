using System.Collections.Immutable;

namespace Scoring.Engine.Model;

/// <summary>Everything one scoring pass needs: the compiled rule set, the year, the groups and their units, and history.</summary>
public sealed record ScoringRequest(
    CompiledRuleSet RuleSet,
    int Year,
    ImmutableArray<GroupRecord> Groups,
    ImmutableArray<UnitRecord> Units,
    ImmutableArray<HistoryRecord> History);
