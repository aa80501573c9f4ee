using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NodaTime;
using NodaTime.Text;
using Scoring.Engine.Model;
using Scoring.Engine.Results;
using Scoring.Rules.Loading;
using Scoring.Rules.Values;

namespace Scoring.Host.Runs;

/// <summary>
/// The production calculator: the frozen inputs become a <see cref="TenantDataset"/> for the shared
/// <see cref="ScoringPipeline"/> (the same code the command line runs), scored with the run's pinned rule set only.
/// Units of kinds the rule set does not cover are left out of the run's groups. The frozen history (imported rows as
/// decided outcomes, published runs' outcomes as computed results) goes through the pipeline's successor mapping.
/// </summary>
internal sealed class EngineRunCalculator : IRunCalculator
{
    // The result document's bytes are hashed (stored runs must re-hash identically), so its options never change.
    private static readonly JsonSerializerOptions CardJson = new(JsonSerializerDefaults.Web);

    // Cards are served as they are stored: Vietnamese text as UTF-8, not \u escapes (HTML-sensitive characters stay escaped).
    private static readonly JsonSerializerOptions CardText = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    private readonly ScoringPipeline pipeline = new();

    public Task<RunOutcome> CalculateAsync(string ruleSetJson, RunInputs inputs, IProgress<int> progress, CancellationToken ct)
    {
        var run = Score(ruleSetJson, inputs);
        if (!run.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", run.Problems));
        }

        var sources = inputs.Units.ToDictionary(u => u.Code, u => u.Sources, StringComparer.Ordinal);
        var units = run.Units.Select(x => new UnitOutcome(x.Group.Code, x.Unit.Code, x.Unit.Name, x.Unit.Rank, x.Unit.Total, x.Unit.Grade, x.Unit.Award,
            JsonSerializer.Serialize(WithProvenance(x.Unit, sources.GetValueOrDefault(x.Unit.Code)), CardText))).ToList();
        var awards = run.Runs.SelectMany(r => r.Result.Awards).Select(a =>
            new AwardOutcome(a.Award, a.AwardTitle, a.UnitCode, a.UnitName, a.Group, a.Rank, a.Total, a.TieAtCut, a.Reason)).ToList();
        progress.Report(units.Count);
        return Task.FromResult(new RunOutcome(units, awards, ResultJson(run)));
    }

    /// <summary>
    /// The card names the import batch of every value it used that came from an authority (a note per indicator). Only the
    /// card: the hashed result document stays as the engine made it.
    /// </summary>
    private static UnitScore WithProvenance(UnitScore card, IReadOnlyDictionary<string, string>? sources)
    {
        if (sources is null)
        {
            return card;
        }

        var used = card.Sections.SelectMany(s => s.Criteria).Concat(card.BonusCriteria).Concat(card.PenaltyCriteria)
            .SelectMany(c => c.Values).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var notes = sources.Where(s => used.Contains(s.Key)).Select(s => $"Giá trị {s.Key} lấy từ {s.Value}.");
        return card with { Notes = card.Notes.AddRange(notes) };
    }

    /// <summary>The stored result document of a pipeline run; its SHA-256 is the run's result hash.</summary>
    public static string ResultJson(PipelineRun run) =>
        JsonSerializer.Serialize(run.Runs.Select(r => new { r.InputsHash, r.Result }).ToList(), CardJson);

    private static HistoryRecord ToRecord(RunInputHistory h) => new(h.Unit, h.Year, h.Grade, h.Award);

    /// <summary>Scores the inputs; deterministic, so the export of a stored run re-creates exactly its result.</summary>
    public PipelineRun Score(string ruleSetJson, RunInputs inputs)
    {
        var loaded = RuleSetLoader.LoadText(ruleSetJson, "rule-set.json");
        if (!loaded.Succeeded)
        {
            throw new InvalidOperationException("Bộ tiêu chí đã công bố không đọc được: " + string.Join(" ", loaded.Diagnostics.Select(d => d.Message)));
        }

        var document = loaded.Document!;
        var ruleSet = document.RuleSet;
        var declared = ruleSet.Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var covered = inputs.Units.Where(u => ruleSet.UnitKinds.Contains(u.Kind)).ToDictionary(u => u.Code, StringComparer.Ordinal);
        var values = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, SubmittedValue>>(StringComparer.Ordinal);
        var bad = new List<string>();
        foreach (var unit in covered.Values.OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            // The last guard: the same check as at the API and the data folder, over every value of every unit, so a run
            // never scores a value that does not fit (DTI 1.5) and, when it refuses, names all of them at once.
            var (checkedValues, errors) = IndicatorValues.Check(
                unit.Values.Where(v => declared.ContainsKey(v.Key)).Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)), declared);
            bad.AddRange(errors.Select(e => $"{unit.Code}: {e}"));
            values[unit.Code] = checkedValues.ToImmutableDictionary(
                v => v.Key, v => new SubmittedValue(v.Value, null, unit.Sources?.GetValueOrDefault(v.Key) ?? $"hồ sơ {unit.Code}"), StringComparer.Ordinal);
        }

        if (bad.Count > 0)
        {
            throw new InvalidOperationException(
                $"Có {bad.Count} giá trị không hợp lệ với bộ tiêu chí {ruleSet.Id}@{ruleSet.Version}; chưa chấm điểm. Sửa các giá trị này (trả hồ sơ cho đơn vị hoặc nhập lại) rồi chấm lại: "
                + string.Join(" | ", bad));
        }

        var groups = inputs.Groups
            .Select(g => new GroupInfo(g.Code, g.Name, g.Kind, [.. g.Members.Where(covered.ContainsKey).Select(m => new GroupMemberRow(m, "member"))]))
            .Where(g => !g.Members.IsEmpty)
            .ToImmutableArray();
        if (groups.IsEmpty)
        {
            // Say it in the terms of the service; the pipeline's own message is about a data folder's groups file.
            throw new InvalidOperationException(
                $"Không có cụm/khối nào năm {inputs.Year} có thành viên thuộc loại đơn vị mà bộ tiêu chí {ruleSet.Id}@{ruleSet.Version} chấm "
                + $"({string.Join(", ", ruleSet.UnitKinds)}); không có gì để xếp hạng. Hãy thêm đơn vị vào cụm/khối (PUT /api/tenants/{inputs.Tenant}/groups/{inputs.Year}/{{mã}}) rồi chấm lại.");
        }
        var year = new YearData(inputs.Year, groups, values.ToImmutable(), ImmutableDictionary<string, Instant>.Empty);
        var tenant = new TenantInfo(ruleSet.Tenant, inputs.Tenant,
            new MovementInfo(ruleSet.Movement, ruleSet.Title, null, new AnnualDate(12, 31), DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]));
        // Successor chains reach through units that are not scored this year (merged away): they join the dataset's
        // units only so that the pipeline's HistoryBuilder can follow them; groups never contain them.
        var successors = inputs.Successors ?? ImmutableDictionary<string, string>.Empty;
        var units = covered.Values.ToDictionary(u => u.Code,
            u => new UnitInfo(u.Code, u.Name, u.Kind, null, u.ValidTo is null ? null : LocalDatePattern.Iso.Parse(u.ValidTo).Value, successors.GetValueOrDefault(u.Code)),
            StringComparer.Ordinal);
        foreach (var (code, successor) in successors.Where(s => !covered.ContainsKey(s.Key)))
        {
            units[code] = new UnitInfo(code, code, string.Empty, null, null, successor);
        }

        var history = inputs.History ?? [];
        var dataset = new TenantDataset("(cơ sở dữ liệu)", tenant, units.ToImmutableDictionary(StringComparer.Ordinal),
            ImmutableSortedDictionary.Create<int, YearData>().Add(inputs.Year, year),
            [.. history.Where(h => h.IsImported).Select(ToRecord)]);
        return pipeline.Run([document], dataset, inputs.Year, history.Where(h => !h.IsImported).Select(ToRecord));
    }
}
