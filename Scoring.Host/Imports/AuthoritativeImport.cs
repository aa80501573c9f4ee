using Microsoft.EntityFrameworkCore;
using NodaTime;
using Scoring.Rules.Model;

namespace Scoring.Host.Imports;

/// <summary>
/// Imports a file of authoritative figures (DTI, 766, digital-literacy counts) for a tenant's year, for the API and the
/// administrators' console alike: every figure is checked as a submitted value would be, and either every row is written
/// with its batch (file name, SHA-256, who, when) and audit entry in one transaction, or nothing is and every bad row is
/// returned with its row and column.
/// </summary>
internal sealed class AuthoritativeImport(ScoringDbContext db, PublishedRuleSets ruleSets, AuditTrail audit, IClock clock)
{
    /// <summary>The sources in the order the console offers them.</summary>
    public static readonly ImportSource[] Sources = [ImportSource.Dti, ImportSource.Pas766, ImportSource.DigitalLiteracy];

    /// <summary>The source named in an address (dti, 766 or pas766, digital-literacy); null for any other name.</summary>
    public static ImportSource? ParseSource(string source) => source switch
    {
        "dti" => ImportSource.Dti,
        "766" or "pas766" => ImportSource.Pas766,
        "digital-literacy" => ImportSource.DigitalLiteracy,
        _ => null,
    };

    /// <summary>The source as its address names it, and as the audit log's action names it (import.dti, import.766, …).</summary>
    public static string Slug(ImportSource source) => source switch
    {
        ImportSource.Dti => "dti",
        ImportSource.Pas766 => "766",
        _ => "digital-literacy",
    };

    public static string Title(ImportSource source) => source switch
    {
        ImportSource.Dti => "Chỉ số chuyển đổi số (DTI) đã công bố",
        ImportSource.Pas766 => "Điểm Bộ chỉ số 766 (Cổng dịch vụ công)",
        _ => "Số liệu nền tảng Bình dân học vụ số",
    };

    /// <summary>The indicator columns a source's file may carry, after its <c>unit</c> column.</summary>
    public static IReadOnlyList<string> Columns(ImportSource source) => source switch
    {
        ImportSource.Dti => ["dti", "dtiGovernment", "dtiEconomy", "dtiSociety"],
        ImportSource.Pas766 => ["pas766", "fullyOnlineProcedureRate", "onlineApplicationRate", "onlinePaymentRate", "digitisedRecordsRate"],
        _ => ["residentsTrained", "vneidCertificates", "staffCertifiedRate", "securityIncidents"],
    };

    /// <summary>The tenant must exist (the caller checks); the file is read as .csv or .xlsx by its name.</summary>
    public async Task<ImportOutcome<ImportBatch>> ImportAsync(Actor actor, string tenant, ImportSource source, int year, string fileName, byte[] content,
        CancellationToken ct)
    {
        var unitKinds = await db.Units.Where(u => u.TenantCode == tenant).ToDictionaryAsync(u => u.Code, u => u.Kind, StringComparer.Ordinal, ct);
        var units = unitKinds.Keys.ToHashSet(StringComparer.Ordinal);
        // Each figure is checked as a submitted value would be: against the indicator declared by the rule sets that apply to
        // the unit's kind in the year (an authoritative DTI of 1.5 is as wrong as a self-reported one).
        var declaredByKind = new Dictionary<string, IReadOnlyDictionary<string, IndicatorDefinition>>(StringComparer.Ordinal);
        foreach (var unitKind in unitKinds.Values.Distinct(StringComparer.Ordinal))
        {
            declaredByKind[unitKind] = (await ApplicableIndicators.ForAsync(db, ruleSets, tenant, year, unitKind, ct)).Declared;
        }

        List<(string Unit, string Indicator, string Value)> values;
        try
        {
            values = ImportsApi.Parse(TabularReader.Read(fileName, content), [.. Columns(source)], units,
                (unit, indicator) => declaredByKind[unitKinds[unit]].GetValueOrDefault(indicator));
        }
        catch (ImportException e)
        {
            return ImportOutcome<ImportBatch>.Refused(e);
        }

        var batch = new ImportBatch
        {
            TenantCode = tenant, Year = year, Source = source, FileName = fileName, Sha256 = ContentHash.Of(content),
            Rows = values.Select(v => v.Unit).Distinct().Count(), ImportedAt = clock.GetCurrentInstant(), ImportedBy = actor.Name,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        db.AuthoritativeValues.AddRange(values.Select(v => new AuthoritativeValue
        {
            BatchId = batch.Id, TenantCode = tenant, Year = year, UnitCode = v.Unit, Indicator = v.Indicator, Value = v.Value,
        }));
        audit.Record(db, actor, "import." + Slug(source), "import", $"{tenant}/{year}/{batch.Id}", null, new { batch.FileName, batch.Sha256, batch.Rows });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ImportOutcome<ImportBatch>.Written(batch);
    }
}
