using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Scoring.Engine.Model;
using Scoring.Engine.Reviews;
using Scoring.Rules.Model;

namespace Scoring.Host.Reviews;

/// <summary>
/// Computes a service review from its frozen inputs, as the `review` verb does from a data folder
/// (<see cref="PhaseReviewPipeline"/>): every pinned yearly run is scored again from its own frozen inputs with its pinned
/// rule-set version and must give its stored result byte for byte (otherwise the review refuses, naming the run); its units'
/// totals, grades, awards and numeric values become the phase's yearly outcomes; the review year's runs whose rule set
/// declares the phase are reviewed with that rule set over their groups. Deterministic: the same inputs give the same bytes.
/// </summary>
internal sealed class ReviewCalculator(ScoringDbContext db, EngineRunCalculator calculator)
{
    public async Task<ReviewComputation> ComputeAsync(ReviewInputs inputs, CancellationToken ct)
    {
        var outcomes = ImmutableArray.CreateBuilder<YearOutcome>();
        var reviewYear = new List<(ReviewYearRun Pin, RuleSetRun Run)>();
        foreach (var pin in inputs.Runs.OrderBy(r => r.Year).ThenBy(r => r.RuleSetId, StringComparer.Ordinal))
        {
            var run = await db.ScoringRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == pin.RunId, ct)
                ?? throw new InvalidOperationException($"Không còn lượt chấm {pin.RunId} (năm {pin.Year}) mà đợt sơ kết đã ghim.");
            if (run.RuleSetSha256 != pin.RuleSetSha256 || run.InputsSha256 != pin.InputsSha256 || run.ResultSha256 != pin.ResultSha256)
            {
                throw new InvalidOperationException($"Lượt chấm {pin.RunId} (năm {pin.Year}) không còn khớp các mã SHA-256 đợt sơ kết đã ghim; hãy tạo đợt sơ kết mới.");
            }

            var version = await db.RuleSetVersions.AsNoTracking().FirstAsync(v => v.Id == run.RuleSetVersionId, ct);
            var scored = calculator.Score(version, RunJson.Deserialize<RunInputs>(run.InputsJson));
            if (!scored.Succeeded || ContentHash.Of(EngineRunCalculator.ResultJson(scored)) != pin.ResultSha256)
            {
                throw new InvalidOperationException(
                    $"Không tái lập được kết quả lượt chấm {pin.RunId} (năm {pin.Year}, {pin.RuleSetId}@{pin.Version}) từ dữ liệu đã lưu; chưa sơ kết. "
                    + string.Join(" ", scored.Problems));
            }

            foreach (var ruleSetRun in scored.Runs)
            {
                var values = ruleSetRun.Request.Units.ToDictionary(u => u.Code, u => u.Values, StringComparer.Ordinal);
                foreach (var (_, _, unit) in scored.Units.Where(u => ReferenceEquals(u.Run, ruleSetRun)).DistinctBy(u => u.Unit.Code, StringComparer.Ordinal))
                {
                    var numbers = values.GetValueOrDefault(unit.Code, ImmutableDictionary<string, IndicatorValue>.Empty)
                        .Where(v => v.Value.Type is IndicatorType.Number or IndicatorType.Percent or IndicatorType.Count)
                        .ToImmutableDictionary(v => v.Key, v => v.Value.Number, StringComparer.Ordinal);
                    outcomes.Add(new YearOutcome(unit.Code, pin.Year, unit.Total, unit.Grade, unit.Award, numbers));
                }

                if (pin.Year == inputs.To)
                {
                    reviewYear.Add((pin, ruleSetRun));
                }
            }
        }

        var units = inputs.Units.OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new PhaseUnit(u.Code, u.Name, u.Kind, u.Dissolved, u.Successor)).ToImmutableArray();
        var results = new List<PhaseReviewResult>();
        var notes = new List<string>();
        foreach (var (pin, ruleSetRun) in reviewYear.OrderBy(r => r.Pin.RuleSetId, StringComparer.Ordinal))
        {
            var ruleSet = ruleSetRun.Document.RuleSet;
            if (!ruleSet.Phases.Any(p => p.Id == inputs.Phase))
            {
                notes.Add($"Bộ tiêu chí {ruleSet.Id}@{ruleSet.Version} (năm {inputs.To}) không khai báo giai đoạn «{inputs.Phase}»: các đơn vị của bộ này không được sơ kết.");
                continue;
            }

            var request = new PhaseReviewRequest(ruleSet, ruleSetRun.Result.RuleSet, inputs.Phase, ruleSetRun.Request.Groups, units, outcomes.ToImmutable());
            results.Add(PhaseReviewer.Review(request));
        }

        if (results.Count == 0)
        {
            throw new InvalidOperationException(
                $"Không có lượt chấm năm {inputs.To} nào của {inputs.Tenant} dùng bộ tiêu chí khai báo giai đoạn «{inputs.Phase}»; không có gì để sơ kết.");
        }

        return new ReviewComputation([.. results], PhaseReviewDocument.Write(results), [.. notes]);
    }
}
