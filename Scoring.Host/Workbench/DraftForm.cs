using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Scoring.Rules.Loading;

namespace Scoring.Host.Workbench;

/// <summary>
/// The structured editor's content, built from the draft's JSON: the header, indicators, sections with their criteria
/// (method parameters as fields, bands as a table), bonus, penalty, total, grades, tie-breakers and awards. Every field
/// carries the JSON path it edits, which is also where the validator's diagnostics point.
/// </summary>
internal static class DraftForm
{
    public static IReadOnlyList<EditorBlock> Build(JObject root)
    {
        var blocks = new List<EditorBlock>
        {
            new("$", "Thông tin chung",
            [
                F(root, "title", "Tên bộ tiêu chí", FieldKind.Text),
                F(root, "source", "Văn bản làm căn cứ", FieldKind.Text),
                At("$.years.from", root.SelectToken("years.from"), "Áp dụng từ năm", FieldKind.Number),
                At("$.years.to", root.SelectToken("years.to"), "Đến năm", FieldKind.Number),
                F(root, "unitKinds", "Loại đơn vị được chấm", FieldKind.TextList, hint: "Cách nhau bằng dấu phẩy: locality, department, front, enterprise…"),
                F(root, "precision", "Số chữ số thập phân của điểm", FieldKind.Number, hint: "0 đến 6; mặc định 2."),
            ]),
            new("$.indicators", "Chỉ số", [])
            {
                Tables = [Table(root["indicators"], "$.indicators", "Các chỉ số bộ tiêu chí đọc", "Thêm chỉ số",
                    ["Mã", "Kiểu", "Tên", "Tối thiểu", "Tối đa", "Đơn vị tính"],
                    (o, i) => $"Chỉ số {i + 1}",
                    o => [F(o, "id", "Mã", FieldKind.Text), F(o, "type", "Kiểu", FieldKind.Choice, MethodFields.IndicatorTypes), F(o, "title", "Tên", FieldKind.Text),
                          F(o, "min", "Tối thiểu", FieldKind.Number), F(o, "max", "Tối đa", FieldKind.Number), F(o, "unit", "Đơn vị tính", FieldKind.Text)])],
            },
            new("$.sections", "Các mục và tiêu chí", [])
            {
                Children = Elements(root["sections"]).Select(Section).ToList(), AddTo = "$.sections", AddLabel = "Thêm mục",
            },
            Adjustment(root, "bonus", "Điểm thưởng"),
            Adjustment(root, "penalty", "Điểm trừ"),
            new("$.total", "Tổng điểm",
            [
                At("$.total.min", root.SelectToken("total.min"), "Tổng điểm thấp nhất", FieldKind.Number, hint: "Để trống: 0."),
                At("$.total.max", root.SelectToken("total.max"), "Tổng điểm cao nhất", FieldKind.Number, hint: "Để trống: điểm cơ bản cộng mức trần điểm thưởng."),
            ]),
            new("$.grades", "Mức xếp loại", [])
            {
                Tables = [Table(root["grades"], "$.grades", "Thử từ trên xuống; mức cuối không có điểm tối thiểu và điều kiện", "Thêm mức xếp loại",
                    ["Mã", "Tên", "Tổng điểm tối thiểu", "Điều kiện"],
                    (o, i) => $"Mức {i + 1}",
                    o => [F(o, "id", "Mã", FieldKind.Text), F(o, "title", "Tên", FieldKind.Text), F(o, "minTotal", "Tổng điểm tối thiểu", FieldKind.Number),
                          F(o, "condition", "Điều kiện", FieldKind.Text)])],
            },
            new("$.tieBreakers", "Phân định khi bằng điểm", [])
            {
                Tables = [Table(root["tieBreakers"], "$.tieBreakers", "Xét lần lượt khi hai đơn vị bằng tổng điểm", "Thêm quy tắc",
                    ["Theo", "Mã", "Thứ tự"],
                    (o, i) => $"Quy tắc {i + 1}",
                    o => [F(o, "by", "Theo", FieldKind.Choice, MethodFields.Options("section", "criterion", "indicator", "bonus", "penalty")),
                          F(o, "ref", "Mã", FieldKind.Text), F(o, "order", "Thứ tự", FieldKind.Choice, MethodFields.Options("desc", "asc"))])],
            },
            new("$.awards", "Hình thức khen thưởng", [])
            {
                Children = Elements(root["awards"]).Select(Award).ToList(), AddTo = "$.awards", AddLabel = "Thêm hình thức khen thưởng",
            },
        };
        return blocks;
    }

    /// <summary>A token as the form shows it: numbers as written in the JSON (dot decimals), lists joined, absent as empty.</summary>
    public static string Text(JToken? token, FieldKind kind) => token switch
    {
        null or { Type: JTokenType.Null } => "",
        JValue { Type: JTokenType.String } s => s.Value<string>() ?? "",
        JValue { Type: JTokenType.Boolean } b => b.Value<bool>() ? "true" : "false",
        JValue { Type: JTokenType.Float } f => f.Value<decimal>().ToString(CultureInfo.InvariantCulture),
        JValue v => v.ToString(Formatting.None),
        JArray a => string.Join(kind == FieldKind.NumberList ? "; " : ", ", a.Select(x => Text(x, FieldKind.Text))),
        _ => token.ToString(Formatting.None),
    };

    private static EditorBlock Section(JObject section, int index)
    {
        var path = PathOf(section);
        return new EditorBlock(path, $"Mục {Text(section["id"], FieldKind.Text)}: {Text(section["title"], FieldKind.Text)}",
        [
            F(section, "id", "Mã mục", FieldKind.Text), F(section, "title", "Tên mục", FieldKind.Text),
            F(section, "maxPoints", "Điểm tối đa của mục", FieldKind.Number, hint: "Bằng tổng điểm tối đa của các tiêu chí trong mục."),
        ])
        {
            Children = Elements(section["criteria"]).Select((c, _) => Criterion(c)).ToList(),
            AddTo = path + ".criteria", AddLabel = "Thêm tiêu chí vào mục này", Removable = true,
        };
    }

    private static EditorBlock Adjustment(JObject root, string name, string title)
    {
        var path = "$." + name;
        var adjustment = root[name] as JObject;
        return new EditorBlock(path, title,
        [
            At(path + ".cap", adjustment?["cap"], $"Mức trần {title.ToLowerInvariant()}", FieldKind.Number, hint: "Lớn hơn 0 khi có tiêu chí."),
        ])
        {
            Children = Elements(adjustment?["criteria"]).Select((c, _) => Criterion(c)).ToList(),
            AddTo = path + ".criteria", AddLabel = $"Thêm tiêu chí {title.ToLowerInvariant()}",
        };
    }

    private static EditorBlock Criterion(JObject criterion)
    {
        var method = Text(criterion["method"], FieldKind.Text);
        var fields = new List<EditorField>
        {
            F(criterion, "id", "Mã tiêu chí", FieldKind.Text), F(criterion, "title", "Tên tiêu chí", FieldKind.Text),
            F(criterion, "clause", "Căn cứ (điều, khoản của kế hoạch)", FieldKind.Text), F(criterion, "maxPoints", "Điểm tối đa", FieldKind.Number),
            F(criterion, "method", "Cách chấm", FieldKind.Choice, MethodFields.Options([.. MethodFields.Methods]),
                "Đổi cách chấm rồi lưu: các tham số của cách chấm cũ được bỏ, ô của cách chấm mới hiện ra."),
        };
        foreach (var property in MethodFields.Of(method).Where(p => p != "bands"))
        {
            fields.Add(MethodField(criterion, property));
        }

        var tables = method == "bands"
            ? new[]
            {
                Table(criterion["bands"], PathOf(criterion) + ".bands", "Các bậc: thử từ trên xuống, bậc khớp đầu tiên cho điểm; bậc cuối không có cận", "Thêm bậc",
                    ["Từ (≥)", "Trên (>)", "Đến (≤)", "Dưới (<)", "Điểm", "Nhãn"],
                    (o, i) => $"Bậc {i + 1}",
                    o => [F(o, "atLeast", "Từ (≥)", FieldKind.Number), F(o, "above", "Trên (>)", FieldKind.Number), F(o, "atMost", "Đến (≤)", FieldKind.Number),
                          F(o, "below", "Dưới (<)", FieldKind.Number), F(o, "points", "Điểm", FieldKind.Number), F(o, "label", "Nhãn", FieldKind.Text)]),
            }
            : [];
        return new EditorBlock(PathOf(criterion), $"Tiêu chí {Text(criterion["id"], FieldKind.Text)}: {Text(criterion["title"], FieldKind.Text)}", fields)
        {
            Tables = tables, Removable = true,
        };
    }

    private static EditorField MethodField(JObject criterion, string property) => property switch
    {
        "value" => F(criterion, property, "Giá trị (value)", FieldKind.Operand, hint: "Một số, một mã chỉ số hoặc một biểu thức."),
        "target" => F(criterion, property, "Mục tiêu (target)", FieldKind.Operand, hint: "Một số lớn hơn 0, một mã chỉ số hoặc một biểu thức."),
        "lowerIsBetter" => F(criterion, property, "Càng thấp càng tốt (lowerIsBetter)", FieldKind.Boolean),
        "order" => F(criterion, property, "Thứ tự xếp hạng (order)", FieldKind.Choice, MethodFields.Options("desc", "asc")),
        "points" when Text(criterion["method"], FieldKind.Text) == "rank" =>
            F(criterion, property, "Điểm theo vị trí 1, 2, 3… (points)", FieldKind.NumberList, hint: "Cách nhau bằng dấu chấm phẩy: 10; 8; 6."),
        "points" => F(criterion, property, "Điểm khi đạt (points)", FieldKind.Number, hint: "Để trống: bằng điểm tối đa."),
        "otherwise" => F(criterion, property, "Điểm cho các vị trí sau (otherwise)", FieldKind.Number),
        "condition" => F(criterion, property, "Điều kiện (condition)", FieldKind.Text, hint: "Biểu thức đúng/sai, ví dụ cyberDrillHeld && securityIncidents == 0."),
        "pointsEach" => F(criterion, property, "Điểm mỗi lần (pointsEach)", FieldKind.Number),
        "date" => F(criterion, property, "Chỉ số ngày (date)", FieldKind.Text),
        "due" => F(criterion, property, "Hạn (due)", FieldKind.Text, hint: "\"MM-dd\" hằng năm (11-10) hoặc \"yyyy-MM-dd\"."),
        "deduct" => F(criterion, property, "Điểm trừ mỗi ngày/tuần muộn (deduct)", FieldKind.Number),
        "per" => F(criterion, property, "Tính muộn theo (per)", FieldKind.Choice, MethodFields.Options("day", "week")),
        "floor" => F(criterion, property, "Điểm thấp nhất khi muộn (floor)", FieldKind.Number),
        _ => F(criterion, property, "Công thức (formula)", FieldKind.Text, hint: "Biểu thức C# trong danh sách cho phép (docs/rule-sets.md, mục 10)."),
    };

    private static EditorBlock Award(JObject award, int index) =>
        new(PathOf(award), $"Khen thưởng {Text(award["id"], FieldKind.Text)}: {Text(award["title"], FieldKind.Text)}",
        [
            F(award, "id", "Mã", FieldKind.Text), F(award, "title", "Tên hình thức khen thưởng", FieldKind.Text),
            F(award, "precedence", "Thứ tự ưu tiên (precedence)", FieldKind.Number, hint: "Xét từ số lớn xuống; mỗi đơn vị nhận nhiều nhất một hình thức một năm."),
            F(award, "years", "Chỉ xét vào các năm", FieldKind.NumberList, hint: "Để trống: mọi năm. Cách nhau bằng dấu chấm phẩy: 2027; 2030."),
            F(award, "minTotal", "Tổng điểm tối thiểu", FieldKind.Number), F(award, "grades", "Chỉ các mức xếp loại", FieldKind.TextList, hint: "Mã mức, cách nhau bằng dấu phẩy."),
            F(award, "maxRank", "Thứ hạng tối đa trong cụm/khối", FieldKind.Number),
            F(award, "eligibility", "Điều kiện (eligibility)", FieldKind.Text),
            At(PathOf(award) + ".quota.perGroup", award.SelectToken("quota.perGroup"), "Chỉ tiêu mỗi cụm/khối", FieldKind.Number),
            At(PathOf(award) + ".quota.perTenant", award.SelectToken("quota.perTenant"), "Chỉ tiêu toàn tỉnh/xã", FieldKind.Number),
            At(PathOf(award) + ".quota.maxShare", award.SelectToken("quota.maxShare"), "Tỷ lệ tối đa (0–1)", FieldKind.Number),
            At(PathOf(award) + ".quota.shareOf", award.SelectToken("quota.shareOf"), "Tỷ lệ tính trên", FieldKind.Text, hint: "\"group\" hoặc mã một hình thức khen thưởng khác."),
        ])
        {
            Removable = true,
        };

    private static EditorTable Table(JToken? array, string arrayPath, string caption, string addLabel, IReadOnlyList<string> columns,
        Func<JObject, int, string> heading, Func<JObject, IReadOnlyList<EditorField>> cells)
    {
        var rows = Elements(array).Select((o, i) => new EditorTableRow(PathOf(o), heading(o, i), cells(o))).ToList();
        return new EditorTable(arrayPath, caption, columns, rows, addLabel);
    }

    private static IEnumerable<JObject> Elements(JToken? array) => array is JArray a ? a.OfType<JObject>() : [];

    private static EditorField F(JObject o, string name, string label, FieldKind kind, IReadOnlyList<FieldOption>? options = null, string? hint = null) =>
        At(PathOf(o) + "." + name, o[name], label, kind, options, hint);

    private static EditorField At(string path, JToken? token, string label, FieldKind kind, IReadOnlyList<FieldOption>? options = null, string? hint = null) =>
        new(path, label, kind, Text(token, kind), options, hint);

    private static string PathOf(JToken token) => JsonSourceMap.ToJsonPath(token.Path);
}
