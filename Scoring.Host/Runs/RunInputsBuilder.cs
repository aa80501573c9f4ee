using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Scoring.Host.Domain;
using Scoring.Host.Infrastructure;

namespace Scoring.Host.Runs;

/// <summary>
/// Freezes a run's inputs from the database: the year's groups in scope, their members, the latest revision of every
/// submission that was submitted (not drafts), overridden by authoritative imports, plus <c>reportSubmittedOn</c>.
/// </summary>
internal static class RunInputsBuilder
{
    private static readonly SubmissionStatus[] Counted = [SubmissionStatus.Submitted, SubmissionStatus.Reviewed, SubmissionStatus.Locked];

    public static async Task<RunInputs> BuildAsync(ScoringDbContext db, string tenant, int year, IReadOnlyCollection<string> groupCodes, CancellationToken ct)
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
        var movement = await db.Movements.AsNoTracking().Where(m => m.TenantCode == tenant).OrderBy(m => m.Code).FirstOrDefaultAsync(ct);
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

            // Later batches win; an authority always wins over self-reporting.
            foreach (var value in authoritative.Where(a => a.UnitCode == unit.Code))
            {
                values[value.Indicator] = value.Value;
            }

            inputUnits.Add(new RunInputUnit(unit.Code, unit.Name, unit.Kind, unit.ValidTo is { } to && to < endOfYear,
                unit.ValidTo is { } validTo ? LocalDatePattern.Iso.Format(validTo) : null, values));
        }

        var scope = groupCodes.Count == 0 ? "all" : string.Join(',', groupCodes.OrderBy(c => c, StringComparer.Ordinal));
        return new RunInputs(tenant, year, scope,
            groups.Select(g => new RunInputGroup(g.Code, g.Name, g.Kind, g.Members.Select(m => m.UnitCode).OrderBy(c => c, StringComparer.Ordinal).ToList())).ToList(),
            inputUnits);
    }
}
