using System.Collections.Immutable;
using Scoring.Engine;
using Scoring.Engine.Sensitivity;
using Scoring.Rules.Loading;

namespace Scoring.Host.Sensitivity;

/// <summary>
/// Rank sensitivity of what the service holds: a stored run (its frozen inputs and pinned rule-set version), a published
/// version or a workbench draft on a tenant's stored year (what a run would freeze now, as the simulator scores it).
/// Scored by the runs' own pipeline, then <see cref="SensitivityAnalyzer"/>; nothing is stored. A secretariat's answer keeps
/// only its own groups.
/// </summary>
internal sealed class SensitivityAnalyses(ScoringDbContext db, EngineRunCalculator engine)
{
    public Task<SensitivityOutcome> ForRunAsync(ScoringRun run, RuleSetVersion pinned, SensitivityParameters parameters, IReadOnlyCollection<string>? onlyGroups, CancellationToken ct)
    {
        PipelineRun scored;
        try
        {
            scored = engine.Score(pinned, RunJson.Deserialize<RunInputs>(run.InputsJson));
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return Task.FromResult(SensitivityOutcome.Failed($"Không chấm lại được lượt chấm {run.Id} từ dữ liệu đã lưu: {e.Message}"));
        }
        return Task.FromResult(Analyse(scored, parameters, onlyGroups, $"lượt chấm {run.Id}", ct));
    }

    public async Task<SensitivityOutcome> ForPublishedAsync(RuleSetVersion published, string tenant, int year, SensitivityParameters parameters, CancellationToken ct)
    {
        var inputs = await RunInputsBuilder.BuildAsync(db, tenant, year, [], ct);
        PipelineRun scored;
        try
        {
            scored = engine.Score(published, inputs);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return SensitivityOutcome.Failed($"Không chấm được năm {year} để phân tích độ nhạy: {e.Message}");
        }
        return Analyse(scored, parameters, null, $"năm {year}", ct);
    }

    /// <summary>A draft on the tenant's stored year; a draft that does not load gives the problem to fix first.</summary>
    public async Task<SensitivityOutcome> ForDraftAsync(RuleSetDraft draft, int year, SensitivityParameters parameters, CancellationToken ct)
    {
        var load = Workbench.DraftCheck.Read(draft);
        if (!load.Succeeded)
        {
            return SensitivityOutcome.Failed("Bản nháp còn lỗi nên chưa phân tích được; hãy sửa hết lỗi trong thẻ Biểu mẫu.");
        }

        var document = load.Document!;
        var inputs = await RunInputsBuilder.BuildAsync(db, draft.Tenant, year, [], document.RuleSet.Movement, ct);
        // A draft is mutable: compiled here, never in the cache of published versions.
        var pipeline = new ScoringPipeline(d => ScoringEngine.Compile(d.RuleSet, d.Identity));
        PipelineRun scored;
        try
        {
            scored = pipeline.Run([document], RunScoringInput.From(RunInputsFilter.For(inputs, document.RuleSet), document.RuleSet), year, RunScoringInput.ComputedHistory(inputs));
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return SensitivityOutcome.Failed($"Không chấm được năm {year} bằng bản nháp: {e.Message}");
        }
        return Analyse(scored, parameters, null, $"năm {year}", ct);
    }

    private static SensitivityOutcome Analyse(PipelineRun scored, SensitivityParameters parameters, IReadOnlyCollection<string>? onlyGroups, string subject, CancellationToken ct)
    {
        if (!scored.Succeeded)
        {
            return SensitivityOutcome.Failed($"Không chấm được {subject} để phân tích độ nhạy: {string.Join(" ", scored.Problems)}");
        }
        var units = scored.Units.Count();
        if (units == 0)
        {
            return SensitivityOutcome.Failed($"Không có đơn vị nào được xếp hạng trong {subject}, nên không có gì để phân tích.");
        }
        if (parameters.TooMuchWorkFor(units) is { } tooMuch)
        {
            return SensitivityOutcome.Failed(tooMuch);
        }

        var report = SensitivityAnalyzer.Analyze([.. scored.Runs.Select(r => r.Request)], parameters.Options, ct);
        if (onlyGroups is not null)
        {
            report = OnlyGroups(report, onlyGroups);
        }
        var awards = scored.Runs.SelectMany(r => r.Document.RuleSet.Awards)
            .GroupBy(a => a.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
        return new SensitivityOutcome(report, awards, null);
    }

    /// <summary>The report cut to <paramref name="groups"/>; each rule set's leader flips counted again over those groups only.</summary>
    private static SensitivityReport OnlyGroups(SensitivityReport report, IReadOnlyCollection<string> groups) =>
        report with
        {
            RuleSets =
            [
                .. report.RuleSets.Select(set =>
                {
                    var kept = set.Groups.Where(g => groups.Contains(g.Code)).ToImmutableArray();
                    var flips = kept.SelectMany(g => g.FlipCriteria)
                        .GroupBy(f => f.CriterionId, StringComparer.Ordinal)
                        .Select(g => new CriterionFlips(g.Key, g.First().Title, g.Sum(f => f.Flips)))
                        .OrderByDescending(f => f.Flips)
                        .ThenBy(f => set.LeaderFlips.IndexOf(set.LeaderFlips.First(o => o.CriterionId == f.CriterionId)))
                        .ToImmutableArray();
                    return set with { Groups = kept, LeaderFlips = flips };
                }),
            ],
        };
}
