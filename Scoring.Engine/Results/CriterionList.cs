using System.Collections;
using Scoring.Engine.Evaluation;

namespace Scoring.Engine.Results;

/// <summary>
/// The criteria of a section (or the bonus or penalty) of one unit's card, in rule-set order. A result of
/// <see cref="ScoringEngine.Score"/> keeps each criterion's points and the unit's exact inputs; a criterion's
/// <see cref="CriterionScore"/>, with its explanation, is built when it is read: it is a pure function of those inputs
/// and the rule set, so reading it twice gives equal records.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(CriterionListJsonConverter))]
public sealed class CriterionList : IReadOnlyList<CriterionScore>
{
    private readonly CriterionSource source;
    private readonly int start;

    internal CriterionList(CriterionSource source, int start, int count)
    {
        this.source = source;
        this.start = start;
        Count = count;
    }

    /// <summary>An empty list.</summary>
    public static CriterionList Empty { get; } = new(new StoredCriteria([]), 0, 0);

    /// <summary>A list of criterion scores already built (for example read back from JSON).</summary>
    public static CriterionList Of(IEnumerable<CriterionScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var items = scores.ToArray();
        return new CriterionList(new StoredCriteria(items), 0, items.Length);
    }

    public int Count { get; }

    public CriterionScore this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return source.Get(start + index);
        }
    }

    /// <summary>The points of the criterion at <paramref name="index"/>, without building its explanation.</summary>
    public decimal PointsAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return source.PointsAt(start + index);
    }

    /// <summary>The id of the criterion at <paramref name="index"/>, without building its explanation.</summary>
    public string IdAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return source.IdAt(start + index);
    }

    public IEnumerator<CriterionScore> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return source.Get(start + i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
