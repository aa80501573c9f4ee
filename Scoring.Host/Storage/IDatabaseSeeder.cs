namespace Scoring.Host.Storage;

/// <summary>Fills an empty database on first start (rule catalog, samples).</summary>
internal interface IDatabaseSeeder
{
    Task SeedAsync(ScoringDbContext db, CancellationToken ct);
}
