using System.Collections.Immutable;
using Scoring.Engine.Compilation;
using Scoring.Engine.Ranking;

namespace Scoring.Engine.Evaluation.Reference;

// The result records as session 1's evaluator wrote them (a reason in prose, values as invariant text). Declared in
// this namespace so the frozen code below binds to them unchanged; ReferenceCardBuilder turns them into the engine's
// public records, whose points, totals, ranks, awards and outcome codes the equivalence tests compare.

/// <summary>A criterion as session 1 scored it.</summary>
internal sealed record CriterionScore(string Id, string Title, decimal Points, decimal MaxPoints, ImmutableArray<UsedValue> Values, string Outcome, string Reason)
{
    public Results.CriterionScore ToPublic(string method) =>
        new(Id, Title, Points, MaxPoints, new Results.CriterionExplanation { Method = method, Outcome = Outcome });
}

/// <summary>A value as session 1 reported it.</summary>
internal sealed record UsedValue(string Name, string? Value);

/// <summary>A card row that is just a value row (the reference writes totals into it itself).</summary>
internal sealed class FixedRankRow(ValueRow unitRow, ValueRow row, RowLayout layout) : IRankRow
{
    public ValueRow UnitRow => unitRow;

    public ValueRow Row => row;

    public void SetRank(int rank, int groupSize)
    {
        row.Values[layout.RankSlot] = rank;
        row.Values[layout.GroupSizeSlot] = groupSize;
    }
}
