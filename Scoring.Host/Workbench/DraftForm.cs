using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Scoring.Engine.Text;
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
                At("$.years.from", root.SelectToken("years.from"), "Áp dụng từ năm", FieldKind.Year),
                At("$.years.to", root.SelectToken("years.to"), "Đến năm", FieldKind.Year),
                F(root, "unitKinds", "Loại đơn vị được chấm", FieldKind.TextList, hint: "Cách nhau bằng dấu phẩy: locality, department, front, enterprise…"),
                F(root, "precision", "Số chữ số thập phân của điểm", FieldKind.Number, hint: "0 đến 6; mặc định 2."),
            ]),
            new("$.indicators", "Chỉ số", [])
            {
                Tables = [Table(root["indicators"], "$.indicators", "Các chỉ số bộ tiêu chí đọc", "Thêm chỉ số",
                    ["Mã", "Kiểu", "Tên", "Tối thiểu", "Tối đa", "Đơn vị tính", "Nguồn số liệu", "Cần minh chứng"],
                    (o, i) => $"Chỉ số {i + 1}",
                    o => [F(o, "id", "Mã", FieldKind.Text), F(o, "type", "Kiểu", FieldKind.Choice, MethodFields.IndicatorTypes), F(o, "title", "Tên", FieldKind.Text),
                          F(o, "min", "Tối thiểu", FieldKind.Number), F(o, "max", "Tối đa", FieldKind.Number), F(o, "unit", "Đơn vị tính", FieldKind.Text),
                          F(o, "source", "Nguồn số liệu", FieldKind.Choice, MethodFields.IndicatorSources), F(o, "evidence", "Cần minh chứng", FieldKind.Boolean)])],
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
                Children = Elements(root["awards"]).Select(a => Award(a, phase: false)).ToList(), AddTo = "$.awards", AddLabel = "Thêm hình thức khen thưởng",
            },
            new("$.phases", "Giai đoạn và sơ kết, tổng kết", [])
            {
                Children = Elements(root["phases"]).Select(Phase).ToList(), AddTo = "$.phases", AddLabel = "Thêm giai đoạn",
            },
            new("$.tests", "Ca kiểm thử", [])
            {
                Children = Elements(root["tests"]).Select(Test).ToList(), AddTo = "$.tests", AddLabel = "Thêm ca kiểm thử",
            },
        };
        return blocks;
    }

    /// <summary>
    /// A token as the form shows it: numbers vi-VN by the one formatter ("0,8", "1.000"; years as written), lists joined,
    /// a map as "name: value" lines, absent as empty.
    /// </summary>
    public static string Text(JToken? token, FieldKind kind) => token switch
    {
        null or { Type: JTokenType.Null } => "",
        JValue { Type: JTokenType.String } s => s.Value<string>() ?? "",
        JValue { Type: JTokenType.Boolean } b => b.Value<bool>() ? "true" : "false",
        JValue { Type: JTokenType.Integer } i when kind is FieldKind.Year or FieldKind.YearList => i.ToString(Formatting.None),
        JValue { Type: JTokenType.Integer or JTokenType.Float } n when TryDecimal(n) is { } d => VnFormat.Number(d),
        JValue v => v.ToString(Formatting.None),
        JArray a when kind is not FieldKind.Json => string.Join(kind is FieldKind.NumberList or FieldKind.YearList ? "; " : ", ",
            a.Select(x => Text(x, kind == FieldKind.YearList ? FieldKind.Year : FieldKind.Text))),
        JObject o when kind == FieldKind.Map => string.Join("\n", o.Properties().Select(p => $"{p.Name}: {Text(p.Value, FieldKind.Number)}")),
        _ => token.ToString(kind == FieldKind.Json ? Formatting.Indented : Formatting.None),
    };

    private static decimal? TryDecimal(JValue value)
    {
        try
        {
            return value.Value<decimal>();
        }
        catch (OverflowException)
        {
            return null;
        }
    }

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

    private static EditorBlock Award(JObject award, bool phase)
    {
        var path = PathOf(award);
        var fields = new List<EditorField>
        {
            F(award, "id", "Mã", FieldKind.Text), F(award, "title", "Tên hình thức khen thưởng", FieldKind.Text),
            F(award, "precedence", "Thứ tự ưu tiên (precedence)", FieldKind.Number, hint: "Xét từ số lớn xuống; mỗi đơn vị nhận nhiều nhất một hình thức một năm."),
        };
        if (!phase)
        {
            fields.Add(F(award, "years", "Chỉ xét vào các năm", FieldKind.YearList, hint: "Để trống: mọi năm. Cách nhau bằng dấu chấm phẩy: 2027; 2030."));
        }

        fields.AddRange(
        [
            F(award, "minTotal", phase ? "Điểm giai đoạn tối thiểu" : "Tổng điểm tối thiểu", FieldKind.Number),
            F(award, "grades", phase ? "Chỉ các mức xếp loại giai đoạn" : "Chỉ các mức xếp loại", FieldKind.TextList, hint: "Mã mức, cách nhau bằng dấu phẩy."),
            F(award, "maxRank", "Thứ hạng tối đa trong cụm/khối", FieldKind.Number),
            F(award, "eligibility", "Điều kiện (eligibility)", FieldKind.Text),
            At(path + ".quota.perGroup", award.SelectToken("quota.perGroup"), "Chỉ tiêu mỗi cụm/khối", FieldKind.Number),
            At(path + ".quota.perTenant", award.SelectToken("quota.perTenant"), "Chỉ tiêu toàn tỉnh/xã", FieldKind.Number),
            At(path + ".quota.maxShare", award.SelectToken("quota.maxShare"), "Tỷ lệ tối đa (0–1)", FieldKind.Number),
            At(path + ".quota.shareOf", award.SelectToken("quota.shareOf"), "Tỷ lệ tính trên", FieldKind.Text, hint: "\"group\" hoặc mã một hình thức khen thưởng khác."),
            At(path + ".authority.level", award.SelectToken("authority.level"), "Cấp có thẩm quyền khen thưởng", FieldKind.Choice, MethodFields.AuthorityLevels),
            At(path + ".authority.tenant", award.SelectToken("authority.tenant"), "Tỉnh/xã quyết định (nếu không phải tỉnh/xã của bộ tiêu chí)", FieldKind.Text,
                hint: "Ví dụ xã đề nghị Bằng khen của Chủ tịch UBND tỉnh: mã tỉnh, như gia-lai."),
        ]);
        var kinds = phase ? MethodFields.Options("yearsAtGrade", "awardInPreviousYears", "qualifiesFor")
            : MethodFields.Options("gradeInPreviousYears", "awardInPreviousYears", "qualifiesFor");
        return new EditorBlock(path, $"Khen thưởng {Text(award["id"], FieldKind.Text)}: {Text(award["title"], FieldKind.Text)}", fields)
        {
            Tables = [Table(award["prerequisites"], path + ".prerequisites", "Điều kiện tiên quyết: phải đạt tất cả", "Thêm điều kiện tiên quyết",
                ["Loại", "Các mức xếp loại", "Số năm", "Hình thức khen thưởng"],
                (o, i) => $"Điều kiện {i + 1}",
                o => [F(o, "kind", "Loại", FieldKind.Choice, kinds), F(o, "grades", "Các mức xếp loại", FieldKind.TextList),
                      F(o, "years", "Số năm", FieldKind.Number), F(o, "award", "Hình thức khen thưởng", FieldKind.Text)])],
            Removable = true,
        };
    }

    private static EditorBlock Phase(JObject phase, int index)
    {
        var path = PathOf(phase);
        return new EditorBlock(path, $"Giai đoạn {Text(phase["id"], FieldKind.Text)}: {Text(phase["title"], FieldKind.Text)}",
        [
            F(phase, "id", "Mã giai đoạn", FieldKind.Text, hint: "Ví dụ 2025-2027; dùng trong lệnh review --phase."), F(phase, "title", "Tên giai đoạn", FieldKind.Text),
            At(path + ".years.from", phase.SelectToken("years.from"), "Từ năm", FieldKind.Year),
            At(path + ".years.to", phase.SelectToken("years.to"), "Đến năm (năm sơ kết/tổng kết)", FieldKind.Year),
            F(phase, "rankBy", "Xếp hạng theo (rankBy)", FieldKind.TextList, hint: "Mã các số đo, cái đầu quyết định, các cái sau phân định khi bằng nhau."),
            F(phase, "gradeBy", "Xếp loại theo (gradeBy)", FieldKind.Text, hint: "Mã một số đo meanTotal; để trống: không xếp loại giai đoạn."),
            F(phase, "minYears", "Số năm có kết quả tối thiểu (minYears)", FieldKind.Number, hint: "Để trống: 1."),
        ])
        {
            Tables = [Table(phase["measures"], path + ".measures", "Số đo của giai đoạn", "Thêm số đo",
                ["Mã", "Tên", "Cách tính", "Mức xếp loại", "Chỉ số"],
                (o, i) => $"Số đo {i + 1}",
                o => [F(o, "id", "Mã", FieldKind.Text), F(o, "title", "Tên", FieldKind.Text),
                      F(o, "method", "Cách tính", FieldKind.Choice, MethodFields.Options("meanTotal", "yearsAtGrade", "sum")),
                      F(o, "grade", "Mức xếp loại", FieldKind.Text), F(o, "indicator", "Chỉ số", FieldKind.Text)])],
            Children = Elements(phase["awards"]).Select(a => Award(a, phase: true)).ToList(),
            AddTo = path + ".awards", AddLabel = "Thêm hình thức khen thưởng của giai đoạn", Removable = true,
        };
    }

    private static EditorBlock Test(JObject test, int index)
    {
        var path = PathOf(test);
        return new EditorBlock(path, $"Ca kiểm thử {index + 1}: {Text(test["name"], FieldKind.Text)}",
        [
            F(test, "name", "Tên ca kiểm thử", FieldKind.Text), F(test, "year", "Năm", FieldKind.Year),
            F(test, "values", "Giá trị các chỉ số", FieldKind.Map, hint: "Mỗi dòng một chỉ số: mã: giá trị (số như 0,812; true/false; ngày yyyy-MM-dd; để trống là chưa nộp)."),
            F(test, "peers", "Các đơn vị cùng cụm/khối (peers, JSON)", FieldKind.Json,
                hint: "Chỉ cần cho cách chấm relative và rank: [ { \"code\": \"B\", \"values\": { \"dti\": 0.7 } } ]."),
            At(path + ".expect.criteria", test.SelectToken("expect.criteria"), "Điểm mong đợi của các tiêu chí", FieldKind.Map, hint: "Mỗi dòng: mã tiêu chí: điểm, ví dụ I.1: 7,5."),
            At(path + ".expect.total", test.SelectToken("expect.total"), "Tổng điểm mong đợi", FieldKind.Number, hint: "Để trống: không kiểm tra."),
            At(path + ".expect.grade", test.SelectToken("expect.grade"), "Mức xếp loại mong đợi", FieldKind.Text, hint: "Mã mức; để trống: không kiểm tra."),
        ])
        {
            Removable = true,
        };
    }

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
