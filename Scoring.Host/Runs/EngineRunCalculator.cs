using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Scoring.Engine.Results;

namespace Scoring.Host.Runs;

/// <summary>
/// The production calculator: the frozen inputs become the pipeline's <see cref="ScoringInput"/>
/// (<see cref="RunScoringInput"/>) for the shared <see cref="ScoringPipeline"/> (the same code the command line runs),
/// scored with the run's pinned rule set only. Units of kinds the rule set does not cover are left out of the run's
/// groups. The frozen history (imported rows as decided outcomes, published runs' outcomes as computed results) goes
/// through the pipeline's successor mapping.
/// </summary>
internal sealed class EngineRunCalculator(PublishedRuleSets ruleSets) : IRunCalculator
{
    // The result document's bytes are hashed (stored runs must re-hash identically), so its options never change.
    private static readonly JsonSerializerOptions CardJson = new(JsonSerializerDefaults.Web);

    // Cards are served as they are stored: Vietnamese text as UTF-8, not \u escapes (HTML-sensitive characters stay escaped).
    private static readonly JsonSerializerOptions CardText = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    private readonly ScoringPipeline pipeline = new(ruleSets.Compile);

    public Task<RunOutcome> CalculateAsync(RuleSetVersion ruleSet, RunInputs inputs, IProgress<int> progress, CancellationToken ct)
    {
        var run = Score(ruleSet, inputs);
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

    /// <summary>Scores the inputs; deterministic, so the export of a stored run re-creates exactly its result.</summary>
    public PipelineRun Score(RuleSetVersion published, RunInputs inputs)
    {
        var document = ruleSets.Document(published);
        return pipeline.Run([document], RunScoringInput.From(inputs, document.RuleSet), inputs.Year, RunScoringInput.ComputedHistory(inputs));
    }
}
