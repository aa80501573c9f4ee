using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Scoring.Rules.Loading;

namespace Scoring.Host.Samples;

/// <summary>
/// First start on an empty database: publishes every valid rule set of <c>rules-catalog/</c> and loads every data folder
/// of <c>samples/</c> (tenants, movements, units, history.csv, groups per year, submitted values), then scores and publishes
/// the samples' 2025 results (<see cref="SampleResultsPublisher"/>; <c>Seed:PublishSampleResults=false</c> skips it) and creates demo accounts
/// (<see cref="DemoAccounts"/>; <c>Seed:DemoAccounts=false</c> skips them). <c>Seed:Enabled=false</c> turns it
/// off; <c>Seed:CatalogDirectory</c> and <c>Seed:SamplesDirectory</c> override where they are (default: found by walking
/// up from the working directory, then from the binaries).
/// </summary>
internal sealed class SampleSeeder(IConfiguration configuration, IClock clock, AuditTrail audit, SampleResultsPublisher results, DemoAccounts demo, ILogger<SampleSeeder> logger) : IDatabaseSeeder
{
    public async Task SeedAsync(ScoringDbContext db, CancellationToken ct)
    {
        if (!configuration.GetValue("Seed:Enabled", true) || await db.Tenants.AnyAsync(ct) || await db.RuleSetVersions.AnyAsync(ct))
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var processor = Process.GetCurrentProcess().TotalProcessorTime;
        var catalog = configuration["Seed:CatalogDirectory"] ?? Locate("rules-catalog");
        var samples = configuration["Seed:SamplesDirectory"] ?? Locate("samples");
        if (catalog is not null && Directory.Exists(catalog))
        {
            await SeedRuleSetsAsync(db, catalog, ct);
        }

        if (samples is not null && Directory.Exists(samples))
        {
            var indicators = IndicatorCatalog.Locate(catalog ?? samples) is { } path ? IndicatorCatalog.FromCsv(path, []) : IndicatorCatalog.Empty;
            var seeded = new List<string>();
            foreach (var folder in Directory.GetDirectories(samples).Where(d => File.Exists(Path.Combine(d, TenantFileReader.FileName))).Order(StringComparer.Ordinal))
            {
                if (await SeedTenantAsync(db, folder, indicators, ct) is { } tenant)
                {
                    seeded.Add(tenant);
                }

                // Each tenant's rows are saved: tracking them on would make every later SaveChanges scan them all again.
                db.ChangeTracker.Clear();
            }

            logger.LogInformation("Imported the rule sets and {Count} sample tenants in {Elapsed:0.00} s, processor time {Processor:0.00} s", seeded.Count,
                Stopwatch.GetElapsedTime(started).TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - processor).TotalSeconds);

            if (seeded.Count > 0 && configuration.GetValue("Seed:PublishSampleResults", true))
            {
                await results.PublishAsync(seeded, ct);
            }

            if (seeded.Count > 0 && configuration.GetValue("Seed:DemoAccounts", true))
            {
                await demo.CreateAsync(seeded, Console.Out, ct);
            }
        }
    }

    private async Task SeedRuleSetsAsync(ScoringDbContext db, string catalog, CancellationToken ct)
    {
        var loaded = RuleSetLoader.LoadFolder(catalog);
        var now = clock.GetCurrentInstant();
        var seen = new HashSet<(string, string)>();
        foreach (var file in loaded.Files)
        {
            if (!file.Succeeded)
            {
                logger.LogWarning("Rule set not seeded, it has errors: {Diagnostic}", file.Diagnostics.First(d => d.Severity == Rules.Validation.DiagnosticSeverity.Error));
                continue;
            }

            var document = file.Document!;
            if (!seen.Add((document.RuleSet.Id, document.RuleSet.Version)))
            {
                continue;
            }

            db.RuleSetVersions.Add(new RuleSetVersion
            {
                RuleSetId = document.RuleSet.Id, Version = document.RuleSet.Version, Tenant = document.RuleSet.Tenant, Title = document.RuleSet.Title,
                Sha256 = document.Identity.Sha256, Json = await File.ReadAllTextAsync(document.File, ct), PublishedAt = now, PublishedBy = "seed",
            });
            audit.Record(db, "seed", "ruleset.publish", "rule-set", $"{document.RuleSet.Id}@{document.RuleSet.Version}", null, new { document.Identity.Sha256 });
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Count} rule-set versions from {Catalog}", seen.Count, catalog);
    }

    /// <summary>Seeds one sample folder; the tenant's code, or null when the folder has errors.</summary>
    private async Task<string?> SeedTenantAsync(ScoringDbContext db, string folder, IndicatorCatalog indicators, CancellationToken ct)
    {
        var read = DataFolderReader.Read(folder, indicators);
        if (!read.Succeeded)
        {
            logger.LogWarning("Sample folder {Folder} not seeded: {Error}", folder, read.Errors.FirstOrDefault());
            return null;
        }

        var data = read.Dataset!;
        var now = clock.GetCurrentInstant();
        var tenant = data.Tenant;
        db.Tenants.Add(new Tenant { Code = tenant.Code, Name = tenant.Name });
        var movement = new Movement
        {
            TenantCode = tenant.Code, Code = tenant.Movement.Id, Title = tenant.Movement.Title, Plan = tenant.Movement.Plan,
            ReportDeadline = $"{tenant.Movement.ReportDeadline.Month:00}-{tenant.Movement.ReportDeadline.Day:00}", TimeZone = tenant.Movement.TimeZone.Id,
        };
        db.Movements.Add(movement);
        foreach (var unit in data.Units.Values.OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            db.Units.Add(new Unit { TenantCode = tenant.Code, Code = unit.Code, Name = unit.Name, Kind = unit.Kind, ValidFrom = unit.ValidFrom, ValidTo = unit.ValidTo, SuccessorCode = unit.Successor });
        }

        // history.csv rows as they are, under their own codes: a run maps them onto successors when it is scored.
        db.UnitHistory.AddRange(data.History.Select(h => new UnitHistory
        {
            TenantCode = tenant.Code, UnitCode = h.UnitCode, Year = h.Year, Grade = h.Grade, Award = h.Award, Source = UnitHistory.Imported, RecordedAt = now,
        }));
        await db.SaveChangesAsync(ct);
        foreach (var (year, yearData) in data.Years)
        {
            foreach (var group in yearData.Groups)
            {
                var entity = new Group { TenantCode = tenant.Code, Year = year, Code = group.Code, Name = group.Name, Kind = group.Kind };
                entity.Members.AddRange(group.Members.Select(m => new GroupMember
                {
                    UnitCode = m.Unit, Role = m.Role switch { "head" => GroupRole.Head, "deputy" => GroupRole.Deputy, _ => GroupRole.Member },
                }));
                db.Groups.Add(entity);
            }

            var submissions = new List<(Submission Head, string Values)>();
            foreach (var (unit, values) in yearData.Values)
            {
                // Without a reports-<yyyy>.csv row the submission time is unknown, as for the command line: no reportSubmittedOn.
                Instant? submittedAt = yearData.ReportsSubmittedAt.TryGetValue(unit, out var at) ? at : null;
                var head = new Submission
                {
                    TenantCode = tenant.Code, UnitCode = unit, Year = year, Status = SubmissionStatus.Submitted, CurrentRevision = 1, Concurrency = 1,
                    SubmittedAt = submittedAt, Late = submittedAt is { } t && t >= movement.DeadlineEndIn(year), UpdatedAt = now,
                };
                var text = new SortedDictionary<string, string>(values.ToDictionary(v => v.Key, v => v.Value.Value.ToString()), StringComparer.Ordinal);
                db.Submissions.Add(head);
                submissions.Add((head, JsonSerializer.Serialize(text)));
            }

            await db.SaveChangesAsync(ct);
            db.SubmissionRevisions.AddRange(submissions.Select(s => new SubmissionRevision
            {
                SubmissionId = s.Head.Id, Number = 1, ValuesJson = s.Values, CreatedAt = now, CreatedBy = "seed",
            }));
            await db.SaveChangesAsync(ct);
        }

        audit.Record(db, "seed", "tenant.seed", "tenant", tenant.Code, null,
            new { folder = Path.GetFileName(folder), units = data.Units.Count, history = data.History.Length, years = data.Years.Keys.ToList() });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Tenant}: {Units} units, years {Years}", tenant.Code, data.Units.Count,
            string.Join(", ", data.Years.Keys.Select(y => y.ToString(CultureInfo.InvariantCulture))));
        return tenant.Code;
    }

    internal static string? Locate(string name)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
