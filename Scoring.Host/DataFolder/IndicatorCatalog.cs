using System.Collections.Immutable;
using System.Globalization;
using Scoring.Rules.Model;

namespace Scoring.Host.DataFolder;

/// <summary>
/// Indicator types used to read submissions: the rule sets' own declarations first, then the shared vocabulary
/// (rules-catalog/indicators.csv) for indicators no rule set declares.
/// </summary>
internal sealed class IndicatorCatalog
{
    public static readonly IndicatorCatalog Empty = new(ImmutableDictionary<string, IndicatorSpec>.Empty);

    private IndicatorCatalog(ImmutableDictionary<string, IndicatorSpec> specs) => Specs = specs;

    public ImmutableDictionary<string, IndicatorSpec> Specs { get; }

    public IndicatorSpec? Find(string id) => Specs.GetValueOrDefault(id);

    /// <summary>The declarations of the rule sets; the first declaration of an id wins.</summary>
    public static IndicatorCatalog FromRuleSets(IEnumerable<RuleSet> ruleSets)
    {
        var specs = ImmutableDictionary.CreateBuilder<string, IndicatorSpec>(StringComparer.Ordinal);
        foreach (var indicator in ruleSets.SelectMany(r => r.Indicators))
        {
            specs.TryAdd(indicator.Id, new IndicatorSpec(indicator.Id, indicator.Type, indicator.Min, indicator.Max));
        }

        return new IndicatorCatalog(specs.ToImmutable());
    }

    /// <summary>Reads indicators.csv (id,type,min,max,...); problems go to <paramref name="errors"/>.</summary>
    public static IndicatorCatalog FromCsv(string path, List<DataError> errors)
    {
        // The vocabulary's last column (title) is free text that may hold unquoted commas and quotes.
        var table = CsvTable.Read(path, ["id", "type", "min", "max"], errors, lastColumnTakesRest: true);
        if (table is null)
        {
            return Empty;
        }

        var specs = ImmutableDictionary.CreateBuilder<string, IndicatorSpec>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var id = table.Get(row, "id");
            var typeText = table.Get(row, "type");
            if (ParseType(typeText) is not { } type)
            {
                errors.Add(new DataError(table.FileName, row.Line, "type", $"'{typeText}' không phải kiểu chỉ tiêu; dùng number, percent, count, boolean hoặc date"));
                continue;
            }

            specs[id] = new IndicatorSpec(id, type, ParseBound(table.Get(row, "min")), ParseBound(table.Get(row, "max")));
        }

        return new IndicatorCatalog(specs.ToImmutable());
    }

    /// <summary>This catalog, completed by <paramref name="fallback"/> for the ids it does not know.</summary>
    public IndicatorCatalog With(IndicatorCatalog fallback)
    {
        var specs = Specs.ToBuilder();
        foreach (var (id, spec) in fallback.Specs)
        {
            specs.TryAdd(id, spec);
        }

        return new IndicatorCatalog(specs.ToImmutable());
    }

    /// <summary>
    /// Looks for indicators.csv in <paramref name="start"/> (a file or folder) and its parents, so that
    /// `--rules rules-catalog/son-la/...` finds rules-catalog/indicators.csv.
    /// </summary>
    public static string? Locate(string start)
    {
        var dir = Directory.Exists(start) ? new DirectoryInfo(Path.GetFullPath(start)) : new FileInfo(Path.GetFullPath(start)).Directory;
        for (; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "indicators.csv");
            if (File.Exists(candidate))
            {
                return candidate;
            }

            var inCatalog = Path.Combine(dir.FullName, "rules-catalog", "indicators.csv");
            if (File.Exists(inCatalog))
            {
                return inCatalog;
            }
        }

        return null;
    }

    internal static IndicatorType? ParseType(string text) => text switch
    {
        "number" => IndicatorType.Number,
        "percent" => IndicatorType.Percent,
        "count" => IndicatorType.Count,
        "boolean" => IndicatorType.Boolean,
        "date" => IndicatorType.Date,
        _ => null,
    };

    private static decimal? ParseBound(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
}
