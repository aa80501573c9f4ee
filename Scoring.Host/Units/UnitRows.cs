using System.Globalization;
using NodaTime;
using Scoring.Rules.Model;

namespace Scoring.Host.Units;

/// <summary>
/// The one parser and validator of units rows (columns code, name, kind and optionally validFrom, validTo, successor),
/// shared by the data folder's units.csv and the units import (CSV or .xlsx). Every problem is collected with its row
/// and column: empty code or name, unknown kind, a date that is not yyyy-MM-dd (or a number from a cell not formatted as
/// a date), validity ending before it starts, a repeated code, an unknown successor, a unit succeeding itself, a cycle.
/// </summary>
internal static class UnitRows
{
    public static readonly string[] Required = ["code", "name", "kind"];
    public static readonly string[] Optional = ["validFrom", "validTo", "successor"];

    /// <param name="storedUnits">Units that exist already (the tenant's, for an import): a successor may name them.</param>
    public static RowsResult<UnitRow> Parse(TabularData table, IReadOnlySet<string> storedUnits)
    {
        var errors = new List<RowError>();
        var index = Required.Concat(Optional).ToDictionary(c => c, table.IndexOf, StringComparer.Ordinal);
        foreach (var missing in Required.Where(c => index[c] < 0))
        {
            errors.Add(new RowError(1, missing, $"thiếu cột bắt buộc; dòng tiêu đề cần các cột {string.Join(",", Required.Concat(Optional))}."));
        }

        if (errors.Count > 0)
        {
            return new RowsResult<UnitRow>([], errors);
        }

        var rows = new List<UnitRow>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            string Get(string column) => index[column] < 0 ? "" : row.Cell(index[column]);
            var code = Get("code");
            if (code.Length == 0)
            {
                errors.Add(new RowError(row.Number, "code", "mã đơn vị trống."));
                continue;
            }

            if (Get("name").Length == 0)
            {
                errors.Add(new RowError(row.Number, "name", $"tên đơn vị {code} trống."));
            }

            if (!UnitKind.IsKnown(Get("kind")))
            {
                errors.Add(new RowError(row.Number, "kind", $"'{Get("kind")}' không phải loại đơn vị; dùng một trong: {UnitKind.AllText}."));
            }

            var validFrom = Date(row.Number, "validFrom", Get("validFrom"), errors);
            var validTo = Date(row.Number, "validTo", Get("validTo"), errors);
            if (validFrom is { } from && validTo is { } to && to < from)
            {
                errors.Add(new RowError(row.Number, "validTo", $"ngày kết thúc {Iso(to)} trước ngày bắt đầu {Iso(from)}."));
            }

            if (firstRow.TryGetValue(code, out var first))
            {
                errors.Add(new RowError(row.Number, "code", $"mã đơn vị '{code}' trùng với dòng {first}."));
                continue;
            }

            firstRow[code] = row.Number;
            rows.Add(new UnitRow(row.Number, code, Get("name"), Get("kind"), validFrom, validTo, Get("successor") is { Length: > 0 } s ? s : null));
        }

        CheckSuccessors(rows, firstRow.Keys.ToHashSet(StringComparer.Ordinal), storedUnits, errors);
        return new RowsResult<UnitRow>(rows, [.. errors.OrderBy(e => e.Row)]);
    }

    private static void CheckSuccessors(List<UnitRow> rows, HashSet<string> inFile, IReadOnlySet<string> storedUnits, List<RowError> errors)
    {
        var successors = rows.Where(r => r.Successor is not null).ToDictionary(r => r.Code, r => r.Successor!, StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Successor is not null))
        {
            var successor = row.Successor!;
            if (successor == row.Code)
            {
                errors.Add(new RowError(row.Row, "successor", $"đơn vị '{row.Code}' không thể kế thừa chính nó."));
                continue;
            }

            if (!inFile.Contains(successor) && !storedUnits.Contains(successor))
            {
                errors.Add(new RowError(row.Row, "successor", $"đơn vị kế thừa '{successor}' của {row.Code} không có (chưa có trong danh sách đơn vị và không có trong tệp)."));
                continue;
            }

            var seen = new List<string> { row.Code };
            for (var next = successor; next is not null; next = successors.GetValueOrDefault(next))
            {
                if (seen.Contains(next))
                {
                    errors.Add(new RowError(row.Row, "successor", $"chuỗi đơn vị kế thừa của {row.Code} quay vòng ({string.Join(" → ", seen)} → {next})."));
                    break;
                }

                seen.Add(next);
            }
        }
    }

    private static LocalDate? Date(int row, string column, string text, List<RowError> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (ValueParser.TryParseDate(text, out var date))
        {
            return date;
        }

        // A date cell is read as its date; a plain number here is a cell formatted as General or Number.
        errors.Add(new RowError(row, column, decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
            ? $"'{text}' là một số, không phải ngày: hãy định dạng ô là ngày (Date) hoặc ghi ngày dạng yyyy-MM-dd."
            : $"'{text}' không phải ngày dạng yyyy-MM-dd."));
        return null;
    }

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
