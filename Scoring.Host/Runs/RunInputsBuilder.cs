using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Scoring.Host.Runs;

/// <summary>
/// Freezes a run's inputs from the database: the year's groups in scope, their members, the latest revision of every
/// submission that was submitted (not drafts), overridden by authoritative imports (each with its batch, see
/// <see cref="RunInputUnit.Sources"/>), plus <c>reportSubmittedOn</c>; and the
/// history of earlier years (imported history.csv rows and published runs' outcomes) with the tenant's successor map.
/// </summary>
internal static class RunInputsBuilder
{
    private static readonly SubmissionStatus[] Counted = [SubmissionStatus.Submitted, SubmissionStatus.Reviewed, SubmissionStatus.Locked];

    public static Task<RunInputs> BuildAsync(ScoringDbContext db, string tenant, int year, IReadOnlyCollection<string> groupCodes, CancellationToken ct) =>
        BuildAsync(db, tenant, year, groupCodes, null, ct);

    /// <param name="movementCode">The movement of the rule set the run scores: its zone dates <c>reportSubmittedOn</c>
    /// (the tenant's first movement when null or unknown).</param>
    public static async Task<RunInputs> BuildAsync(ScoringDbContext db, string tenant, int year, IReadOnlyCollection<string> groupCodes, string? movementCode,
        CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking().Include(g => g.Members)
            .Where(g => g.TenantCode == tenant && g.Year == year).OrderBy(g => g.Code).ToListAsync(ct);
        if (groupCodes.Count > 0)
        {
            groups = groups.Where(g => groupCodes.Contains(g.Code)).ToList();
        }

        var members = groups.SelectMany(g => g.Members.Select(m => m.UnitCode)).ToHashSet(StringComparer.Ordinal);
        var units = (await db.Units.AsNoTracking().Where(u => u.TenantCode == tenant).ToListAsync(ct))
            .Where(u => members.Contains(u.Code)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => s.TenantCode == tenant && s.Year == year && Counted.Contains(s.Status)).ToListAsync(ct);
        var revisionIds = submissions.Select(s => new { s.Id, s.CurrentRevision }).ToList();
        var submissionIds = revisionIds.Select(r => r.Id).ToList();
        var revisions = (await db.SubmissionRevisions.AsNoTracking().Where(r => submissionIds.Contains(r.SubmissionId)).ToListAsync(ct))
            .Where(r => revisionIds.Any(x => x.Id == r.SubmissionId && x.CurrentRevision == r.Number))
            .ToDictionary(r => r.SubmissionId);
        var authoritative = await db.AuthoritativeValues.AsNoTracking().Where(v => v.TenantCode == tenant && v.Year == year)
            .OrderBy(v => v.BatchId).ToListAsync(ct);
        var batchIds = authoritative.Select(a => a.BatchId).Distinct().ToList();
        var batches = await db.ImportBatches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var movements = await db.Movements.AsNoTracking().Where(m => m.TenantCode == tenant).OrderBy(m => m.Code).ToListAsync(ct);
        var movement = movements.FirstOrDefault(m => m.Code == movementCode) ?? movements.FirstOrDefault();
        var zone = DateTimeZoneProviders.Tzdb[movement?.TimeZone ?? "Asia/Ho_Chi_Minh"];
        var endOfYear = new LocalDate(year, 12, 31);

        var inputUnits = new List<RunInputUnit>();
        foreach (var unit in units)
        {
            var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var submission = submissions.FirstOrDefault(s => s.UnitCode == unit.Code);
            if (submission is not null && revisions.TryGetValue(submission.Id, out var revision))
            {
                foreach (var (k, v) in JsonSerializer.Deserialize<Dictionary<string, string>>(revision.ValuesJson)!)
                {
                    values[k] = v;
                }

                if (submission.SubmittedAt is { } at && !values.ContainsKey("reportSubmittedOn"))
                {
                    values["reportSubmittedOn"] = LocalDatePattern.Iso.Format(at.InZone(zone).Date);
                }
            }

            // Later batches win; an authority always wins over self-reporting. The batch is frozen with the value.
            var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var value in authoritative.Where(a => a.UnitCode == unit.Code))
            {
                values[value.Indicator] = value.Value;
                sources[value.Indicator] = batches.TryGetValue(value.BatchId, out var batch) ? ImportProvenance.Label(batch) : $"nhập liệu #{value.BatchId}";
            }

            inputUnits.Add(new RunInputUnit(unit.Code, unit.Name, unit.Kind, unit.ValidTo is { } to && to < endOfYear,
                unit.ValidTo is { } validTo ? LocalDatePattern.Iso.Format(validTo) : null, values, sources.Count > 0 ? sources : null));
        }

        var history = await HistoryAsync(db, tenant, year, ct);
        var successors = new SortedDictionary<string, string>(
            (await db.Units.AsNoTracking().Where(u => u.TenantCode == tenant && u.SuccessorCode != null).Select(u => new { u.Code, u.SuccessorCode }).ToListAsync(ct))
            .ToDictionary(u => u.Code, u => u.SuccessorCode!, StringComparer.Ordinal), StringComparer.Ordinal);

        var scope = groupCodes.Count == 0 ? ScoringRun.AllGroupsScope : string.Join(',', groupCodes.OrderBy(c => c, StringComparer.Ordinal));
        return new RunInputs(tenant, year, scope,
            groups.Select(g => new RunInputGroup(g.Code, g.Name, g.Kind, g.Members.Select(m => m.UnitCode).OrderBy(c => c, StringComparer.Ordinal).ToList())).ToList(),
            inputUnits, history, successors);
    }

    /// <summary>
    /// Imported history of years before <paramref name="year"/> plus, per unit and year, the grade and award of the most
    /// recently published run of that year. Kept under the units' own codes; the scoring pipeline maps them onto successors
    /// and lets an imported record win over a run's outcome, exactly as the command line does.
    /// </summary>
    private static async Task<List<RunInputHistory>> HistoryAsync(ScoringDbContext db, string tenant, int year, CancellationToken ct)
    {
        var imported = (await db.UnitHistory.AsNoTracking().Where(h => h.TenantCode == tenant && h.Year < year).ToListAsync(ct))
            .Select(h => new RunInputHistory(h.UnitCode, h.Year, h.Grade, h.Award, h.Source));
        var published = await db.ScoringRuns.AsNoTracking()
            .Where(r => r.TenantCode == tenant && r.Year < year && r.PublishedAt != null && r.Status == RunStatus.Completed)
            .Select(r => new { r.Id, r.Year, r.PublishedAt }).ToListAsync(ct);
        var runIds = published.Select(r => r.Id).ToList();
        var results = await db.UnitResults.AsNoTracking().Where(u => runIds.Contains(u.RunId))
            .Select(u => new { u.RunId, u.UnitCode, u.Grade, u.Award }).ToListAsync(ct);
        var runs = published.ToDictionary(r => r.Id);
        var fromRuns = results
            .GroupBy(u => (u.UnitCode, runs[u.RunId].Year))
            .Select(g => g.OrderByDescending(u => runs[u.RunId].PublishedAt).ThenByDescending(u => u.RunId).First())
            .Select(u => new RunInputHistory(u.UnitCode, runs[u.RunId].Year, u.Grade, u.Award, $"run:{u.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        return imported.Concat(fromRuns)
            .OrderBy(h => h.Unit, StringComparer.Ordinal).ThenBy(h => h.Year).ThenBy(h => h.Source, StringComparer.Ordinal)
            .ThenBy(h => h.Grade, StringComparer.Ordinal).ThenBy(h => h.Award, StringComparer.Ordinal)
            .ToList();
    }
}
