using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using Scoring.Engine.Model;
using Scoring.Rules.Model;

namespace Scoring.Host.DataFolder;

/// <summary>
/// Reads a data folder (docs/data.md) into a <see cref="TenantDataset"/>. Every problem is collected with its file,
/// line and column; nothing throws on bad input. Submitted values are typed by <see cref="IndicatorCatalog"/>.
/// </summary>
internal static partial class DataFolderReader
{
    public const string ReportIndicator = "reportSubmittedOn";

    public static readonly ImmutableArray<string> UnitKinds =
        ["locality", "department", "front", "enterprise", "public-service", "party-office", "armed-forces", "commune-agency"];

    private static readonly string[] Roles = ["head", "deputy", "member"];
    private static readonly string[] GroupKinds = ["cluster", "bloc"];

    public static DataLoadResult Read(string folder, IndicatorCatalog catalog)
    {
        var errors = new List<DataError>();
        var warnings = new List<DataError>();
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
            years[yearGroup.Key] = ReadYear(yearGroup.Key, files, units, catalog, zone, errors, warnings);
        }

        if (years.Count == 0 && Directory.Exists(folder))
        {
            errors.Add(new DataError(folder, 0, null, "không có tệp groups-yyyy.csv hay submissions-yyyy.csv nào"));
        }

        var historyPath = Path.Combine(folder, "history.csv");
        var history = File.Exists(historyPath) ? ReadHistory(historyPath, units, errors) : [];

        if (errors.Count > 0 || tenant is null)
        {
            return new DataLoadResult(null, [.. errors], [.. warnings]);
        }

        var dataset = new TenantDataset(Path.GetFullPath(folder), tenant, units, years.ToImmutable(), history);
        return new DataLoadResult(dataset, [], [.. warnings]);
    }

    private static ImmutableDictionary<string, UnitInfo> ReadUnits(string path, List<DataError> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add(new DataError("units.csv", 0, null, "thiếu tệp danh sách đơn vị"));
            return ImmutableDictionary<string, UnitInfo>.Empty;
        }

        var table = CsvTable.Read(path, ["code", "name", "kind", "validFrom", "validTo", "successor"], errors);
        if (table is null)
        {
            return ImmutableDictionary<string, UnitInfo>.Empty;
        }

        var units = new Dictionary<string, (UnitInfo Unit, int Line)>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var code = table.Get(row, "code");
            var name = table.Get(row, "name");
            var kind = table.Get(row, "kind");
            if (code.Length == 0)
            {
                errors.Add(new DataError(table.FileName, row.Line, "code", "mã đơn vị trống"));
                continue;
            }

            if (name.Length == 0)
            {
                errors.Add(new DataError(table.FileName, row.Line, "name", $"tên đơn vị {code} trống"));
            }

            if (!UnitKinds.Contains(kind))
            {
                errors.Add(new DataError(table.FileName, row.Line, "kind", $"'{kind}' không phải loại đơn vị; dùng một trong: {string.Join(", ", UnitKinds)}"));
            }

            var validFrom = OptionalDate(table, row, "validFrom", errors);
            var validTo = OptionalDate(table, row, "validTo", errors);
            if (validFrom is { } from && validTo is { } to && to < from)
            {
                errors.Add(new DataError(table.FileName, row.Line, "validTo", $"ngày kết thúc {Iso(to)} trước ngày bắt đầu {Iso(from)}"));
            }

            var successor = table.Get(row, "successor");
            var unit = new UnitInfo(code, name, kind, validFrom, validTo, successor.Length == 0 ? null : successor);
            if (!units.TryAdd(code, (unit, row.Line)))
            {
                errors.Add(new DataError(table.FileName, row.Line, "code", $"mã đơn vị {code} bị lặp (đã có ở dòng {units[code].Line})"));
            }
        }

        foreach (var (code, (unit, line)) in units)
        {
            if (unit.Successor is not { } successor)
            {
                continue;
            }

            if (!units.ContainsKey(successor))
            {
                errors.Add(new DataError(table.FileName, line, "successor", $"đơn vị kế thừa '{successor}' của {code} không có trong units.csv"));
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal) { code };
            for (var next = successor; next is not null; next = units.TryGetValue(next, out var n) ? n.Unit.Successor : null)
            {
                if (!seen.Add(next))
                {
                    errors.Add(new DataError(table.FileName, line, "successor", $"chuỗi đơn vị kế thừa của {code} quay vòng ({string.Join(" → ", seen)} → {next})"));
                    break;
                }
            }
        }

        return units.ToImmutableDictionary(u => u.Key, u => u.Value.Unit, StringComparer.Ordinal);
    }

    private static YearData ReadYear(
        int year,
        Dictionary<string, string> files,
        ImmutableDictionary<string, UnitInfo> units,
        IndicatorCatalog catalog,
        DateTimeZone zone,
        List<DataError> errors,
        List<DataError> warnings)
    {
        var groups = files.TryGetValue("groups", out var groupsPath) ? ReadGroups(groupsPath, units, errors) : [];
        var values = files.TryGetValue("submissions", out var submissionsPath)
            ? ReadSubmissions(submissionsPath, units, catalog, errors, warnings)
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
        var table = CsvTable.Read(path, ["group", "groupName", "groupKind", "unit", "role"], errors);
        if (table is null)
        {
            return [];
        }

        var order = new List<string>();
        var groups = new Dictionary<string, (string Name, string Kind, List<GroupMemberRow> Members)>(StringComparer.Ordinal);
        var memberOf = new Dictionary<string, (string Group, int Line)>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var code = table.Get(row, "group");
            var name = table.Get(row, "groupName");
            var kind = table.Get(row, "groupKind");
            var unit = table.Get(row, "unit");
            var role = table.Get(row, "role");
            if (code.Length == 0)
            {
                errors.Add(new DataError(table.FileName, row.Line, "group", "mã cụm/khối trống"));
                continue;
            }

            if (!GroupKinds.Contains(kind))
            {
                errors.Add(new DataError(table.FileName, row.Line, "groupKind", $"'{kind}' không hợp lệ; dùng cluster (cụm) hoặc bloc (khối)"));
            }

            if (!Roles.Contains(role))
            {
                errors.Add(new DataError(table.FileName, row.Line, "role", $"'{role}' không hợp lệ; dùng head (trưởng cụm/khối), deputy (phó) hoặc member (thành viên)"));
            }

            if (!units.ContainsKey(unit))
            {
                errors.Add(new DataError(table.FileName, row.Line, "unit", $"đơn vị '{unit}' không có trong units.csv"));
                continue;
            }

            if (memberOf.TryGetValue(unit, out var previous))
            {
                errors.Add(new DataError(table.FileName, row.Line, "unit", $"đơn vị {unit} đã thuộc {previous.Group} (dòng {previous.Line}); mỗi đơn vị chỉ thuộc một cụm/khối trong năm"));
                continue;
            }

            memberOf[unit] = (code, row.Line);
            if (!groups.TryGetValue(code, out var group))
            {
                group = (name, kind, []);
                groups[code] = group;
                order.Add(code);
            }
            else if (group.Name != name || group.Kind != kind)
            {
                errors.Add(new DataError(table.FileName, row.Line, "groupName", $"cụm/khối {code} có tên hoặc loại khác với dòng trước ('{group.Name}', {group.Kind})"));
            }

            group.Members.Add(new GroupMemberRow(unit, role));
        }

        return [.. order.Select(code => new GroupInfo(code, groups[code].Name, groups[code].Kind, [.. groups[code].Members]))];
    }

    private static Dictionary<string, Dictionary<string, SubmittedValue>> ReadSubmissions(
        string path,
        ImmutableDictionary<string, UnitInfo> units,
        IndicatorCatalog catalog,
        List<DataError> errors,
        List<DataError> warnings)
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

            var spec = catalog.Find(indicator);
            if (spec is null && unknownIndicators.Add(indicator))
            {
                warnings.Add(new DataError(table.FileName, row.Line, "indicator", $"chỉ tiêu '{indicator}' không có trong bộ tiêu chí hay danh mục indicators.csv; giá trị được đọc theo dạng của nó"));
            }

            // The shared check (type, whole counts, declared range): a value out of range is an error, as in the API and the runs.
            var type = spec?.Type ?? ValueParser.Guess(text);
            if (!ValueParser.TryParse(text, type, spec?.Min, spec?.Max, out var value, out var error))
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
