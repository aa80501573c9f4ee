using System.Collections.Immutable;
using Scoring.Engine.Model;
using Scoring.Engine.Reviews;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;

namespace Scoring.Host.Reviews;

/// <summary>
/// Reviews a phase of a dataset; shared by the command line and the service. Every year of the phase found in the
/// data is scored with <see cref="ScoringPipeline"/> (each year with its own rule-set version); the review year's groups
/// are then reviewed with the rule set each member falls under in that year, which must declare the phase.
/// No console I/O; problems are returned.
/// </summary>
internal sealed class PhaseReviewPipeline
{
    private readonly ScoringPipeline scoring;

    public PhaseReviewPipeline(ScoringPipeline? scoring = null) => this.scoring = scoring ?? new ScoringPipeline();

    public PhaseReviewRun Run(IReadOnlyList<RuleSetDocument> ruleSets, TenantDataset data, string phaseId)
    {
        var declaring = ruleSets
            .Where(d => d.RuleSet.Tenant == data.Tenant.Code && d.RuleSet.Movement == data.Tenant.Movement.Id)
            .SelectMany(d => d.RuleSet.Phases.Where(p => p.Id == phaseId).Select(p => p))
            .ToList();
        if (declaring.Count == 0)
        {
            var known = ruleSets.SelectMany(d => d.RuleSet.Phases.Select(p => p.Id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return Failed(phaseId, $"Không bộ tiêu chí nào của {data.Tenant.Code} khai báo giai đoạn «{phaseId}»"
                                   + (known.Count > 0 ? $"; các giai đoạn đã khai báo: {string.Join(", ", known)}." : "; hãy dùng phiên bản bộ tiêu chí có `phases`."));
        }

        var reviewYears = declaring.Select(p => p.Years).Distinct().ToList();
        if (reviewYears.Count > 1)
        {
            return Failed(phaseId, $"Các bộ tiêu chí khai báo giai đoạn «{phaseId}» với những khoảng năm khác nhau ({string.Join(", ", reviewYears.Select(y => $"{y.From}–{y.To}"))}); hãy thống nhất.");
        }

        var years = reviewYears[0];
        var input = data.Input;
        var review = scoring.Run(ruleSets, input, years.To);
        if (!review.Succeeded)
        {
            return new PhaseReviewRun(phaseId, [], [.. review.Problems.Select(p => $"Năm sơ kết {years.To}: {p}")], review.Notes);
        }

        var notes = new List<string>(review.Notes);
        var outcomes = ImmutableArray.CreateBuilder<YearOutcome>();
        var sources = new List<YearSource>();
        for (var year = years.From; year <= years.To; year++)
        {
            if (!data.Years.TryGetValue(year, out var yearData) || yearData.Groups.IsEmpty)
            {
                notes.Add($"Dữ liệu không có năm {year} (thiếu groups-{year}.csv): năm này không có kết quả trong giai đoạn.");
                continue;
            }

            var run = year == years.To ? review : scoring.Run(ruleSets, input, year);
            if (!run.Succeeded)
            {
                return new PhaseReviewRun(phaseId, [], [.. run.Problems.Select(p => $"Năm {year}: {p}")], [.. notes]);
            }

            foreach (var ruleSetRun in run.Runs)
            {
                sources.Add(new YearSource(year, ruleSetRun.Result.RuleSet.Id, ruleSetRun.Result.RuleSet.Version, ruleSetRun.Result.RuleSet.Sha256, ruleSetRun.InputsHash));
                var values = ruleSetRun.Request.Units.ToDictionary(u => u.Code, u => u.Values, StringComparer.Ordinal);
                foreach (var (_, _, unit) in run.Units.Where(u => ReferenceEquals(u.Run, ruleSetRun)).DistinctBy(u => u.Unit.Code, StringComparer.Ordinal))
                {
                    var numbers = values.GetValueOrDefault(unit.Code, ImmutableDictionary<string, IndicatorValue>.Empty)
                        .Where(v => v.Value.Type is IndicatorType.Number or IndicatorType.Percent or IndicatorType.Count)
                        .ToImmutableDictionary(v => v.Key, v => v.Value.Number, StringComparer.Ordinal);
                    outcomes.Add(new YearOutcome(unit.Code, year, unit.Total, unit.Grade, unit.Award, numbers));
                }
            }
        }

        var units = data.Units.Values
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new PhaseUnit(u.Code, u.Name, u.Kind, u.IsDissolvedIn(years.To), u.Successor))
            .ToImmutableArray();
        var parts = ImmutableArray.CreateBuilder<PhaseReviewPart>();
        var problems = new List<string>();
        foreach (var ruleSetRun in review.Runs)
        {
            var ruleSet = ruleSetRun.Document.RuleSet;
            if (!ruleSet.Phases.Any(p => p.Id == phaseId))
            {
                notes.Add($"Bộ tiêu chí {ruleSet.Id}@{ruleSet.Version} (năm {years.To}) không khai báo giai đoạn «{phaseId}»: các đơn vị của bộ này không được sơ kết.");
                continue;
            }

            var request = new PhaseReviewRequest(ruleSet, ruleSetRun.Result.RuleSet, phaseId, ruleSetRun.Request.Groups, units, outcomes.ToImmutable());
            try
            {
                // The yearly runs of the same rule set (any version) are the ones the review counted for these units.
                var used = sources.Where(s => s.RuleSetId == ruleSet.Id).ToImmutableArray();
                parts.Add(new PhaseReviewPart(ruleSetRun.Document, PhaseReviewer.Review(request), used));
            }
            catch (ArgumentException ex)
            {
                problems.Add($"Không sơ kết được với bộ tiêu chí {ruleSet.Id}@{ruleSet.Version}: {ex.Message}");
            }
        }

        return new PhaseReviewRun(phaseId, parts.ToImmutable(), [.. problems], [.. notes.Distinct(StringComparer.Ordinal)]);
    }

    private static PhaseReviewRun Failed(string phase, string problem) => new(phase, [], [problem], []);
}
