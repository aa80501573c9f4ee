using Scoring.Rules.Model;

namespace Scoring.Host.Groups;

/// <summary>
/// The one parser and validator of a year's groups rows (columns group, groupName, groupKind, unit, role: one row per
/// member), shared by the data folder's groups-yyyy.csv and the groups import (CSV or .xlsx). Every problem is collected
/// with its row and column: empty code or name, unknown kind or role, a unit that does not exist, a unit in two groups of
/// the year, and a group whose rows disagree on its name or kind.
/// </summary>
internal static class GroupRows
{
    public static readonly string[] Columns = ["group", "groupName", "groupKind", "unit", "role"];
    public static readonly string[] Roles = ["head", "deputy", "member"];

    /// <param name="knownUnits">The units members may be (units.csv, or the tenant's stored units).</param>
    public static RowsResult<GroupRow> Parse(TabularData table, IReadOnlySet<string> knownUnits)
    {
        var errors = new List<RowError>();
        var index = Columns.ToDictionary(c => c, table.IndexOf, StringComparer.Ordinal);
        foreach (var missing in Columns.Where(c => index[c] < 0))
        {
            errors.Add(new RowError(1, missing, $"thiếu cột bắt buộc; dòng tiêu đề cần các cột {string.Join(",", Columns)}."));
        }

        if (errors.Count > 0)
        {
            return new RowsResult<GroupRow>([], errors);
        }

        var order = new List<string>();
        var groups = new Dictionary<string, (int Row, string Name, string Kind, List<GroupMemberDto> Members)>(StringComparer.Ordinal);
        var memberOf = new Dictionary<string, (string Group, int Row)>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            string Get(string column) => row.Cell(index[column]);
            var (code, name, kind, unit, role) = (Get("group"), Get("groupName"), Get("groupKind"), Get("unit"), Get("role"));
            if (code.Length == 0)
            {
                errors.Add(new RowError(row.Number, "group", "mã cụm/khối trống."));
                continue;
            }

            if (name.Length == 0)
            {
                errors.Add(new RowError(row.Number, "groupName", $"tên cụm/khối {code} trống."));
            }

            if (!GroupKind.IsKnown(kind))
            {
                errors.Add(new RowError(row.Number, "groupKind", $"'{kind}' không hợp lệ; dùng cluster (cụm) hoặc bloc (khối)."));
            }

            if (!Roles.Contains(role))
            {
                errors.Add(new RowError(row.Number, "role", $"'{role}' không hợp lệ; dùng head (trưởng cụm/khối), deputy (phó) hoặc member (thành viên)."));
            }

            if (unit.Length == 0 || !knownUnits.Contains(unit))
            {
                errors.Add(new RowError(row.Number, "unit", unit.Length == 0
                    ? "mã đơn vị trống."
                    : $"đơn vị '{unit}' không có trong danh sách đơn vị; hãy thêm đơn vị đó (units.csv, hoặc nhập danh sách đơn vị) trước."));
                continue;
            }

            if (memberOf.TryGetValue(unit, out var previous))
            {
                errors.Add(new RowError(row.Number, "unit",
                    $"đơn vị {unit} đã thuộc {previous.Group} (dòng {previous.Row}); mỗi đơn vị chỉ thuộc một cụm/khối trong năm."));
                continue;
            }

            memberOf[unit] = (code, row.Number);
            if (!groups.TryGetValue(code, out var group))
            {
                group = (row.Number, name, kind, []);
                groups[code] = group;
                order.Add(code);
            }
            else
            {
                // Each column that disagrees with the group's first row is named on its own, so the error points at the cell.
                if (group.Name != name)
                {
                    errors.Add(new RowError(row.Number, "groupName", $"tên cụm/khối {code} là '{name}', nhưng ở dòng {group.Row} là '{group.Name}'; mọi dòng của một cụm/khối phải cùng tên."));
                }

                if (group.Kind != kind)
                {
                    errors.Add(new RowError(row.Number, "groupKind", $"loại của cụm/khối {code} là '{kind}', nhưng ở dòng {group.Row} là '{group.Kind}'; mọi dòng của một cụm/khối phải cùng loại."));
                }
            }

            group.Members.Add(new GroupMemberDto(unit, role));
        }

        return new RowsResult<GroupRow>([.. order.Select(c => new GroupRow(groups[c].Row, c, groups[c].Name, groups[c].Kind, groups[c].Members))], errors);
    }
}
