using System.Collections.Immutable;
using Scoring.Engine.Evaluation;
using Scoring.Engine.Model;
using Scoring.Engine.Results;

namespace Scoring.Engine.Sensitivity;

/// <summary>
/// Rank sensitivity: how stable are ranks, award proposals and each group's leader when the criteria's points and
/// thresholds move within ±spread? A seeded Monte Carlo: each sample draws, per rule set and criterion, a points
/// factor and a thresholds factor, and scores every request again through the engine's own group pass, grades,
/// tie-breakers and award allocation (the per-unit pass is computed once). Pure and deterministic for a seed.
/// </summary>
public static class SensitivityAnalyzer
{
    /// <summary>Analyses the requests (one per rule set of a year, as the pipeline builds them).</summary>
    /// <exception cref="ArgumentException">Bad options, or a request the engine refuses.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled (a caller gone): no sample is started after it.</exception>
    public static SensitivityReport Analyze(IReadOnlyList<ScoringRequest> requests, SensitivityOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        var models = requests.Select(r => new SampleModel(RequestScorer.Prepare(r))).ToArray();
        var baselines = models.Select(m => new Baseline(m.Prepared, RequestScorer.Finish(m.Prepared, null))).ToArray();
        var spread = options.SpreadPercent / 100m;
        var outcomes = new SampleOutcome[options.Samples][];
        Parallel.For(0, options.Samples, new ParallelOptions { CancellationToken = ct }, s =>
        {
            var random = new SampleRandom(options.Seed, s);
            var sample = new SampleOutcome[models.Length];
            for (var r = 0; r < models.Length; r++)
            {
                var count = models[r].Prepared.Compiled.Criteria.Length;
                var points = new decimal[count];
                var thresholds = new decimal[count];
                for (var c = 0; c < count; c++)
                {
                    points[c] = random.Factor(spread);
                    thresholds[c] = random.Factor(spread);
                }
                var result = RequestScorer.Finish(models[r].Prepared, models[r].Perturb(points, thresholds));
                sample[r] = baselines[r].Compare(result);
            }
            outcomes[s] = sample;
        });
        return new SensitivityReport(
            options.Samples, options.SpreadPercent, options.Seed,
            [.. baselines.Select((b, r) => b.Summarise(outcomes.Select(o => o[r]).ToArray()))]);
    }

    /// <summary>A sample's outcome for one request: per group, each baseline unit's rank and whether its award held; the flip's criterion.</summary>
    private sealed record SampleOutcome(int[][] Ranks, bool[][] AwardKept, bool[] LeaderChanged, int[] FlipCriterion);

    private sealed class Baseline(PreparedRequest prepared, ScoringResult result)
    {
        public SampleOutcome Compare(ScoringResult sample)
        {
            var groups = result.Groups;
            var ranks = new int[groups.Length][];
            var kept = new bool[groups.Length][];
            var changed = new bool[groups.Length];
            var flips = new int[groups.Length];
            for (var g = 0; g < groups.Length; g++)
            {
                var before = groups[g].Ranking;
                var after = sample.Groups[g].Ranking.ToDictionary(e => e.Code, StringComparer.Ordinal);
                ranks[g] = new int[before.Length];
                kept[g] = new bool[before.Length];
                for (var i = 0; i < before.Length; i++)
                {
                    var now = after[before[i].Code];
                    ranks[g][i] = now.Rank;
                    kept[g][i] = string.Equals(now.Award, before[i].Award, StringComparison.Ordinal);
                }
                flips[g] = -1;
                var leader = before.IsEmpty ? null : sample.Groups[g].Ranking[0];
                if (leader is not null && leader.Code != before[0].Code)
                {
                    changed[g] = true;
                    flips[g] = FlipCriterion(before[0], after[before[0].Code], before.First(e => e.Code == leader.Code), leader);
                }
            }
            return new SampleOutcome(ranks, kept, changed, flips);
        }

        // The criterion whose move widened the new leader's lead over the old leader the most: the change, from the
        // baseline to the sample, of (new leader's points − old leader's points), penalties counted negative.
        private static int FlipCriterion(UnitScore oldBefore, UnitScore oldAfter, UnitScore newBefore, UnitScore newAfter)
        {
            var gapBefore = Signed(newBefore).Zip(Signed(oldBefore), (a, b) => a - b).ToArray();
            var gapAfter = Signed(newAfter).Zip(Signed(oldAfter), (a, b) => a - b).ToArray();
            var best = -1;
            var widest = 0m;
            for (var c = 0; c < gapAfter.Length; c++)
            {
                var widened = gapAfter[c] - gapBefore[c];
                if (widened > widest)
                {
                    widest = widened;
                    best = c;
                }
            }
            return best;
        }

        private static IEnumerable<decimal> Signed(UnitScore score)
        {
            foreach (var section in score.Sections)
            {
                for (var i = 0; i < section.Criteria.Count; i++)
                {
                    yield return section.Criteria.PointsAt(i);
                }
            }
            for (var i = 0; i < score.BonusCriteria.Count; i++)
            {
                yield return score.BonusCriteria.PointsAt(i);
            }
            for (var i = 0; i < score.PenaltyCriteria.Count; i++)
            {
                yield return -score.PenaltyCriteria.PointsAt(i);
            }
        }

        public RuleSetSensitivity Summarise(SampleOutcome[] samples)
        {
            var criteria = prepared.Compiled.Criteria;
            var overall = new int[criteria.Length];
            var groups = ImmutableArray.CreateBuilder<GroupSensitivity>(result.Groups.Length);
            for (var g = 0; g < result.Groups.Length; g++)
            {
                var group = result.Groups[g];
                var units = ImmutableArray.CreateBuilder<UnitSensitivity>(group.Ranking.Length);
                for (var i = 0; i < group.Ranking.Length; i++)
                {
                    var unit = group.Ranking[i];
                    var rankKept = samples.Count(s => s.Ranks[g][i] == unit.Rank);
                    var awardKept = samples.Count(s => s.AwardKept[g][i]);
                    units.Add(new UnitSensitivity(
                        unit.Code, unit.Name, unit.Rank, unit.Award, rankKept, awardKept,
                        samples.Min(s => s.Ranks[g][i]), samples.Max(s => s.Ranks[g][i])));
                }
                var flips = new int[criteria.Length];
                var leaderKept = 0;
                foreach (var sample in samples)
                {
                    if (!sample.LeaderChanged[g])
                    {
                        leaderKept++;
                    }
                    else if (sample.FlipCriterion[g] >= 0)
                    {
                        flips[sample.FlipCriterion[g]]++;
                        overall[sample.FlipCriterion[g]]++;
                    }
                }
                groups.Add(new GroupSensitivity(
                    group.Code, group.Name, group.Ranking.IsEmpty ? null : group.Ranking[0].Code, leaderKept,
                    units.MoveToImmutable(), Flips(flips)));
            }
            var identity = prepared.Compiled.Identity;
            return new RuleSetSensitivity(identity, prepared.Compiled.RuleSet.Title, prepared.Request.Year, groups.MoveToImmutable(), Flips(overall));
        }

        private ImmutableArray<CriterionFlips> Flips(int[] counts) =>
        [
            .. counts
                .Select((n, c) => (n, c))
                .Where(x => x.n > 0)
                .OrderByDescending(x => x.n)
                .ThenBy(x => x.c)
                .Select(x => new CriterionFlips(prepared.Compiled.Criteria[x.c].Criterion.Id, prepared.Compiled.Criteria[x.c].Criterion.Title, x.n)),
        ];
    }
}
