using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using Scoring.Engine.Model;
using Scoring.Rules.Model;
using Scoring.Rules.Values;

namespace Scoring.Host.DataFolder;

/// <summary>
/// Reads a data folder (docs/data.md) into a <see cref="TenantDataset"/>. Every problem is collected with its file,
/// line and column; nothing throws on bad input. Submitted values are typed by <see cref="IndicatorCatalog"/>.
/// </summary>
internal static partial class DataFolderReader
{
    public const string ReportIndicator = "reportSubmittedOn";


    public static DataLoadResult Read(string folder, IndicatorCatalog catalog)
    {
        var errors = new List<DataError>();
        if (!Directory.Exists(folder))
        {
            errors.Add(new DataError(folder, 0, null, "thư mục dữ liệu không tồn tại"));
            return new DataLoadResult(null, [.. errors], []);
        }

        var tenantPath = Path.Combine(folder, TenantFileReader.FileName);
        TenantInfo? tenant = null;
        if (File.Exists(tenantPath))
        {
            tenant = TenantFileReader.Read(tenantPath, errors);
        }
        else
        {
            errors.Add(new DataError(TenantFileReader.FileName, 0, null, $"thiếu tệp trong thư mục {folder}"));
        }

        var units = ReadUnits(Path.Combine(folder, "units.csv"), errors);
        var zone = tenant?.Movement.TimeZone ?? DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

        var yearFiles = Directory.EnumerateFiles(folder)
            .Select(path => (Path: path, Match: YearFilePattern().Match(Path.GetFileName(path))))
            .Where(f => f.Match.Success)
            .GroupBy(f => int.Parse(f.Match.Groups[2].Value, CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key);

        var years = ImmutableSortedDictionary.CreateBuilder<int, YearData>();
        foreach (var yearGroup in yearFiles)
        {
            var files = yearGroup.ToDictionary(f => f.Match.Groups[1].Value, f => f.Path, StringComparer.Ordinal);
            years[yearGroup.Key] = ReadYear(yearGroup.Key, files, units, catalog, zone, errors);
        }

        if (years.Count == 0 && Directory.Exists(folder))
        {
            errors.Add(new DataError(folder, 0, null, "không có tệp groups-yyyy.csv hay submissions-yyyy.csv nào"));
        }

        var historyPath = Path.Combine(folder, "history.csv");
        var history = File.Exists(historyPath) ? ReadHistory(historyPath, units, errors) : [];

        if (errors.Count > 0 || tenant is null)
        {
            return new DataLoadResult(null, [.. errors], []);
        }

        var dataset = new TenantDataset(Path.GetFullPath(folder), tenant, units, years.ToImmutable(), history);
        return new DataLoadResult(dataset, [], []);
    }

    private static ImmutableDictionary<string, UnitInfo> ReadUnits(string path, List<DataError> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add(new DataError("units.csv", 0, null, "thiếu tệp danh sách đơn vị"));
            return ImmutableDictionary<string, UnitInfo>.Empty;
        }

        var table = CsvTable.Read(path, UnitRows.Required, errors);
        if (table is null)
        {
            return ImmutableDictionary<string, UnitInfo>.Empty;
        }

        var parsed = UnitRows.Parse(table.ToTabular(), ImmutableHashSet<string>.Empty);
        errors.AddRange(parsed.Errors.Select(e => new DataError(table.FileName, e.Row, e.Column, e.Message)));
        return parsed.Items.ToImmutableDictionary(u => u.Code, u => new UnitInfo(u.Code, u.Name, u.Kind, u.ValidFrom, u.ValidTo, u.Successor), StringComparer.Ordinal);
    }

    private static YearData ReadYear(
        int year,
        Dictionary<string, string> files,
        ImmutableDictionary<string, UnitInfo> units,
        IndicatorCatalog catalog,
        DateTimeZone zone,
        List<DataError> errors)
    {
        var groups = files.TryGetValue("groups", out var groupsPath) ? ReadGroups(groupsPath, units, errors) : [];
        var values = files.TryGetValue("submissions", out var submissionsPath)
            ? ReadSubmissions(submissionsPath, units, catalog, errors)
            : new Dictionary<string, Dictionary<string, SubmittedValue>>(StringComparer.Ordinal);
        var reports = files.TryGetValue("reports", out var reportsPath)
            ? ReadReports(reportsPath, units, errors)
            : ImmutableDictionary<string, (Instant At, int Line)>.Empty;

        foreach (var (unit, (at, line)) in reports)
        {
            var unitValues = values.TryGetValue(unit, out var existing) ? existing : values[unit] = new Dictionary<string, SubmittedValue>(StringComparer.Ordinal);
            var localDate = at.InZone(zone).Date;
            unitValues.TryAdd(ReportIndicator, new SubmittedValue(IndicatorValue.FromDate(localDate), null, $"reports-{year}.csv:{line}"));
        }

        return new YearData(
            year,
            groups,
            values.ToImmutableDictionary(v => v.Key, v => v.Value.ToImmutableDictionary(StringComparer.Ordinal), StringComparer.Ordinal),
            reports.ToImmutableDictionary(r => r.Key, r => r.Value.At, StringComparer.Ordinal));
    }

    private static ImmutableArray<GroupInfo> ReadGroups(string path, ImmutableDictionary<string, UnitInfo> units, List<DataError> errors)
    {
        var table = CsvTable.Read(path, GroupRows.Columns, errors);
        if (table is null)
        {
            return [];
        }

        var parsed = GroupRows.Parse(table.ToTabular(), units.Keys.ToHashSet(StringComparer.Ordinal));
        errors.AddRange(parsed.Errors.Select(e => new DataError(table.FileName, e.Row, e.Column, e.Message)));
        return [.. parsed.Items.Select(g => new GroupInfo(g.Code, g.Name, g.Kind, [.. g.Members.Select(m => new GroupMemberRow(m.Unit, m.Role))]))];
    }

    private static Dictionary<string, Dictionary<string, SubmittedValue>> ReadSubmissions(
        string path,
        ImmutableDictionary<string, UnitInfo> units,
        IndicatorCatalog catalog,
        List<DataError> errors)
    {
        var values = new Dictionary<string, Dictionary<string, SubmittedValue>>(StringComparer.Ordinal);
        var table = CsvTable.Read(path, ["unit", "indicator", "value", "evidence"], errors);
        if (table is null)
        {
            return values;
        }

        var lines = new Dictionary<(string, string), int>();
        var unknownIndicators = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var unit = table.Get(row, "unit");
            var indicator = table.Get(row, "indicator");
            var text = table.Get(row, "value");
            var evidence = table.Get(row, "evidence");
            if (!units.ContainsKey(unit))
            {
                errors.Add(new DataError(table.FileName, row.Line, "unit", $"đơn vị '{unit}' không có trong units.csv"));
                continue;
            }

            if (indicator.Length == 0)
            {
                errors.Add(new DataError(table.FileName, row.Line, "indicator", "mã chỉ tiêu trống"));
                continue;
            }

            if (text.Length == 0)
            {
                errors.Add(new DataError(table.FileName, row.Line, "value", $"giá trị trống; nếu {unit} chưa nộp {indicator}, hãy bỏ cả dòng"));
                continue;
            }

            // As the API refuses an indicator no rule set declares, so does the data folder: every such row, with a hint.
            if (catalog.Find(indicator) is not { } spec)
            {
                unknownIndicators.Add(indicator);
                var hint = IndicatorValues.ClosestDeclared(indicator, catalog.Specs.Keys) is { } near ? $" (có phải '{near}'?)" : string.Empty;
                errors.Add(new DataError(table.FileName, row.Line, "indicator",
                    $"{unit}: chỉ tiêu '{indicator}' không có trong bộ tiêu chí nào hay danh mục indicators.csv{hint}. Hãy sửa mã chỉ tiêu, hoặc khai báo nó trong bộ tiêu chí."));
                continue;
            }

            // The shared check (type, whole counts, declared range): a value out of range is an error, as in the API and the runs.
            if (!ValueParser.TryParse(text, spec.Type, spec.Min, spec.Max, out var value, out var error))
            {
                errors.Add(new DataError(table.FileName, row.Line, "value", $"{unit}, {indicator}: {error}"));
                continue;
            }

            if (lines.TryGetValue((unit, indicator), out var firstLine))
            {
                errors.Add(new DataError(table.FileName, row.Line, "indicator", $"{unit} đã có giá trị {indicator} ở dòng {firstLine}; mỗi chỉ tiêu chỉ một dòng"));
                continue;
            }

            lines[(unit, indicator)] = row.Line;
            var unitValues = values.TryGetValue(unit, out var existing) ? existing : values[unit] = new Dictionary<string, SubmittedValue>(StringComparer.Ordinal);
            unitValues[indicator] = new SubmittedValue(value, evidence.Length == 0 ? null : evidence, $"{table.FileName}:{row.Line}");
        }

        if (unknownIndicators.Count > 0)
        {
            // The declared indicators are named once for the file, however many rows name unknown ones.
            var ids = catalog.Specs.Keys.Order(StringComparer.Ordinal).ToList();
            errors.Add(new DataError(table.FileName, 0, "indicator",
                $"{unknownIndicators.Count} mã chỉ tiêu không được khai báo ({string.Join(", ", unknownIndicators.Order(StringComparer.Ordinal))}); "
                + $"các chỉ tiêu đã khai báo ({ids.Count}): {string.Join(", ", ids)}"));
        }

        return values;
    }

    private static ImmutableDictionary<string, (Instant At, int Line)> ReadReports(string path, ImmutableDictionary<string, UnitInfo> units, List<DataError> errors)
    {
        var table = CsvTable.Read(path, ["unit", "submittedAt"], errors);
        if (table is null)
        {
            return ImmutableDictionary<string, (Instant, int)>.Empty;
        }

        var reports = ImmutableDictionary.CreateBuilder<string, (Instant, int)>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var unit = table.Get(row, "unit");
            var text = table.Get(row, "submittedAt");
            if (!units.ContainsKey(unit))
            {
                errors.Add(new DataError(table.FileName, row.Line, "unit", $"đơn vị '{unit}' không có trong units.csv"));
                continue;
            }

            if (ParseInstant(text) is not { } instant)
            {
                errors.Add(new DataError(table.FileName, row.Line, "submittedAt", $"'{text}' không phải thời điểm ISO-8601; dùng dạng 2025-11-09T16:30:00Z hoặc 2025-11-09T23:30:00+07:00"));
                continue;
            }

            if (reports.TryGetValue(unit, out var first))
            {
                errors.Add(new DataError(table.FileName, row.Line, "unit", $"{unit} đã có thời điểm nộp báo cáo ở dòng {first.Item2}"));
                continue;
            }

            reports[unit] = (instant, row.Line);
        }

        return reports.ToImmutable();
    }

    private static ImmutableArray<HistoryRecord> ReadHistory(string path, ImmutableDictionary<string, UnitInfo> units, List<DataError> errors)
    {
        var table = CsvTable.Read(path, ["unit", "year", "grade", "award"], errors);
        if (table is null)
        {
            return [];
        }

        var history = ImmutableArray.CreateBuilder<HistoryRecord>();
        foreach (var row in table.Rows)
        {
            var unit = table.Get(row, "unit");
            var yearText = table.Get(row, "year");
            if (!units.ContainsKey(unit))
            {
                errors.Add(new DataError(table.FileName, row.Line, "unit", $"đơn vị '{unit}' không có trong units.csv"));
                continue;
            }

            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2200)
            {
                errors.Add(new DataError(table.FileName, row.Line, "year", $"'{yearText}' không phải năm (yyyy)"));
                continue;
            }

            var grade = table.Get(row, "grade");
            var award = table.Get(row, "award");
            history.Add(new HistoryRecord(unit, year, grade.Length == 0 ? null : grade, award.Length == 0 ? null : award));
        }

        return history.ToImmutable();
    }

    private static Instant? ParseInstant(string text)
    {
        var instant = InstantPattern.ExtendedIso.Parse(text);
        if (instant.Success)
        {
            return instant.Value;
        }

        var offset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        return offset.Success ? offset.Value.ToInstant() : null;
    }

    private static LocalDate? OptionalDate(CsvTable table, CsvRecord row, string column, List<DataError> errors)
    {
        var text = table.Get(row, column);
        if (text.Length == 0)
        {
            return null;
        }

        if (ValueParser.TryParseDate(text, out var date))
        {
            return date;
        }

        errors.Add(new DataError(table.FileName, row.Line, column, $"'{text}' không phải ngày dạng yyyy-MM-dd"));
        return null;
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    [GeneratedRegex(@"^(groups|submissions|reports)-(\d{4})\.csv$")]
    private static partial Regex YearFilePattern();
}
