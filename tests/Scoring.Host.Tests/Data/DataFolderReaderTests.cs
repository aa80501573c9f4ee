using NodaTime;
using Scoring.Host.Tests.Cli;
using Scoring.Rules.Model;

namespace Scoring.Host.Tests.Data;

public sealed class DataFolderReaderTests
{
    private static IndicatorCatalog Vocabulary()
    {
        var errors = new List<DataError>();
        var catalog = IndicatorCatalog.FromCsv(TestPaths.IndicatorsCsv, errors);
        Assert.That(errors, Is.Empty);
        return catalog;
    }

    [Test]
    public void Reads_the_fixture_folder()
    {
        var result = DataFolderReader.Read(TestPaths.ViDuData, Vocabulary());

        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        var data = result.Dataset!;
        Assert.That(data.Tenant.Code, Is.EqualTo("vi-du"));
        Assert.That(data.Tenant.Movement.ReportDeadline, Is.EqualTo(new AnnualDate(11, 10)));
        Assert.That(data.Units["XA05"].Name, Is.EqualTo("Xã Ia Grai \"cũ\", trước sáp nhập"));
        Assert.That(data.Units["XA05"].Successor, Is.EqualTo("XA01"));
        Assert.That(data.Units["XA05"].IsDissolvedIn(2025), Is.True);
        Assert.That(data.Units["XA01"].IsDissolvedIn(2025), Is.False);
        Assert.That(data.FinalSuccessor("XA05"), Is.EqualTo("XA01"));

        var year = data.Years[2025];
        Assert.That(year.Groups.Select(g => g.Code), Is.EqualTo(new[] { "C1", "C2" }));
        Assert.That(year.Groups[0].Members[0], Is.EqualTo(new GroupMemberRow("XA01", "head")));
        Assert.That(year.ValuesOf("XA01")["dti"].Value, Is.EqualTo(IndicatorValue.FromNumber(0.85m, IndicatorType.Number)));
        Assert.That(year.ValuesOf("XA01")["cyberDrillHeld"].Value.Boolean, Is.True);
        Assert.That(year.ValuesOf("XA01")["staffTrained"].Evidence, Is.EqualTo("QĐ 12/QĐ-UBND, ngày 5/9/2025"));
        Assert.That(year.ValuesOf("XA01")["fullyOnlineProcedureRate"].Value.Type, Is.EqualTo(IndicatorType.Percent));
        Assert.That(data.History, Has.Length.EqualTo(3));
    }

    [TestCase("XA01", "2025-11-11")] // 2025-11-10T17:30:00Z is 00:30 on the 11th in Hồ Chí Minh: one day late
    [TestCase("XA03", "2025-11-10")] // 16:59:59Z is 23:59:59 local: still on the 10th
    [TestCase("XA06", "2025-11-10")] // an instant with a +07:00 offset
    public void Report_instants_become_local_dates_in_Ho_Chi_Minh(string unit, string expected)
    {
        var data = DataFolderReader.Read(TestPaths.ViDuData, Vocabulary()).Dataset!;

        var value = data.Years[2025].ValuesOf(unit)[DataFolderReader.ReportIndicator].Value;

        Assert.That(value.Type, Is.EqualTo(IndicatorType.Date));
        Assert.That(value.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void A_submitted_report_date_wins_over_the_report_instant()
    {
        using var folder = new TempFolder(TestPaths.ViDuData);
        File.AppendAllText(folder.File("submissions-2025.csv"), "XA01,reportSubmittedOn,2025-11-05,\n");

        var data = DataFolderReader.Read(folder.Path, Vocabulary()).Dataset!;

        Assert.That(data.Years[2025].ValuesOf("XA01")[DataFolderReader.ReportIndicator].Value.ToString(), Is.EqualTo("2025-11-05"));
    }

    [Test]
    public void Collects_every_error_with_file_line_and_column()
    {
        using var folder = new TempFolder(TestPaths.ViDuData);
        var lines = File.ReadAllLines(folder.File("submissions-2025.csv")).ToList();
        lines[13] = "XA02,staffTotal,abc,"; // line 14 of the file
        lines[14] = "XA02,cyberDrillHeld,maybe,";
        lines.Add("XX99,dti,0.5,");
        lines.Add("XA03,planIssuedOn,2025-02-30,");
        File.WriteAllLines(folder.File("submissions-2025.csv"), lines);
        File.AppendAllText(folder.File("groups-2025.csv"), "C1,Cụm thi đua số 1,cluster,XA07,leader\n");

        var result = DataFolderReader.Read(folder.Path, Vocabulary());

        Assert.That(result.Dataset, Is.Null);
        var messages = result.Errors.Select(e => e.ToString()).ToList();
        Assert.That(messages, Does.Contain("submissions-2025.csv, dòng 14, cột value: XA02, staffTotal: «abc» không phải số; giá trị hợp lệ: một số nguyên không âm, từ 0 đến 100000"));
        Assert.That(messages, Has.Some.StartsWith("submissions-2025.csv, dòng 15, cột value: XA02, cyberDrillHeld: «maybe» không phải giá trị đúng/sai"));
        Assert.That(messages, Has.Some.StartsWith($"submissions-2025.csv, dòng {lines.Count - 1}, cột unit: đơn vị 'XX99'"));
        Assert.That(messages, Has.Some.StartsWith($"submissions-2025.csv, dòng {lines.Count}, cột value: XA03, planIssuedOn: «2025-02-30» không phải ngày"));
        Assert.That(messages, Has.Some.StartsWith("groups-2025.csv, dòng 9, cột role: 'leader' không hợp lệ"));
        Assert.That(messages, Has.Some.StartsWith("groups-2025.csv, dòng 9, cột unit: đơn vị XA07 đã thuộc C2"));
    }

    [Test]
    public void Reports_a_row_with_the_wrong_number_of_fields_and_a_missing_column()
    {
        using var folder = new TempFolder(TestPaths.ViDuData);
        folder.Write("reports-2025.csv", "unit,submittedAt\nXA01,2025-11-09T01:00:00Z,extra\nXA02,yesterday\n");
        folder.Write("history.csv", "unit,year,grade\nXA01,2024,tot\n");

        var messages = DataFolderReader.Read(folder.Path, Vocabulary()).Errors.Select(e => e.ToString()).ToList();

        Assert.That(messages, Has.Some.StartsWith("reports-2025.csv, dòng 2: có 3 trường nhưng dòng tiêu đề có 2 cột"));
        Assert.That(messages, Has.Some.StartsWith("reports-2025.csv, dòng 3, cột submittedAt: 'yesterday' không phải thời điểm ISO-8601"));
        Assert.That(messages, Has.Some.StartsWith("history.csv, dòng 1: thiếu cột award"));
    }

    [Test]
    public void Reports_unknown_successors_cycles_and_bad_kinds_in_units()
    {
        using var folder = new TempFolder(TestPaths.ViDuData);
        folder.Write("units.csv", "code,name,kind,validFrom,validTo,successor\nA,Xã A,locality,,2025-06-30,B\nB,Xã B,locality,,2025-06-30,A\nC,Xã C,village,,,Z\n");

        var messages = DataFolderReader.Read(folder.Path, Vocabulary()).Errors.Select(e => e.ToString()).ToList();

        Assert.That(messages, Has.Some.Contains("units.csv, dòng 2, cột successor: chuỗi đơn vị kế thừa của A quay vòng"));
        Assert.That(messages, Has.Some.StartsWith("units.csv, dòng 4, cột kind: 'village' không phải loại đơn vị"));
        Assert.That(messages, Has.Some.StartsWith("units.csv, dòng 4, cột successor: đơn vị kế thừa 'Z'"));
    }

    [Test]
    public void An_unknown_indicator_is_an_error_on_every_row_with_a_hint_and_the_declared_list_once()
    {
        // Issue 9: the API refuses an indicator no rule set declares; the data folder does the same (it used to warn and score it).
        using var folder = new TempFolder(TestPaths.ViDuData);
        var lines = File.ReadAllLines(folder.File("submissions-2025.csv")).Length;
        File.AppendAllText(folder.File("submissions-2025.csv"), "XA04,madeUpIndicator,12.5,\nXA04,dtiSocety,0.5,\nXA05,madeUpIndicator,1,\n");
        var catalog = IndicatorCatalog.FromRuleSets([]).With(Vocabulary());

        var result = DataFolderReader.Read(folder.Path, catalog);

        Assert.That(result.Dataset, Is.Null, "an unknown indicator stops the data as any other bad value does");
        var errors = result.Errors.Select(e => e.ToString()).ToList();
        Assert.That(errors, Has.Count.EqualTo(4), string.Join("\n", errors));
        Assert.That(errors[0], Does.StartWith($"submissions-2025.csv, dòng {lines + 1}, cột indicator: XA04: chỉ tiêu 'madeUpIndicator' không có trong bộ tiêu chí nào"));
        Assert.That(errors[1], Does.StartWith($"submissions-2025.csv, dòng {lines + 2}, cột indicator: XA04: chỉ tiêu 'dtiSocety'").And.Contain("(có phải 'dtiSociety'?). Hãy sửa mã chỉ tiêu"));
        Assert.That(errors[2], Does.StartWith($"submissions-2025.csv, dòng {lines + 3}, cột indicator: XA05: chỉ tiêu 'madeUpIndicator'"));
        Assert.That(errors[3], Does.StartWith("submissions-2025.csv, cột indicator: 2 mã chỉ tiêu không được khai báo (dtiSocety, madeUpIndicator); các chỉ tiêu đã khai báo (")
            .And.Contain("dtiSociety").And.Contain("staffTrained"));
        Assert.That(result.Warnings, Is.Empty);
    }

    [Test]
    public void Values_out_of_the_declared_range_are_errors_with_what_is_allowed()
    {
        using var folder = new TempFolder(TestPaths.ViDuData);
        var lines = File.ReadAllLines(folder.File("submissions-2025.csv")).Length;
        File.AppendAllText(folder.File("submissions-2025.csv"), "XA04,dtiSociety,1.5,\nXA05,dtiSociety,0.5,\n");
        var catalog = IndicatorCatalog.FromRuleSets([]).With(Vocabulary());

        var result = DataFolderReader.Read(folder.Path, catalog);

        Assert.That(result.Dataset, Is.Null, "an out-of-range value stops the data as any other bad value does");
        var error = result.Errors.Single();
        Assert.That(error.ToString(), Does.StartWith($"submissions-2025.csv, dòng {lines + 1}, cột value: XA04, dtiSociety: 1,5 nằm ngoài khoảng cho phép")
            .And.Contain("từ 0 đến 1"));
        Assert.That(result.Warnings.Select(w => w.ToString()), Has.None.Contains("dtiSociety"));
    }

    [Test]
    public void A_side_without_a_declared_bound_is_open_ended()
    {
        using var folder = new TempFolder(TestPaths.ViDuData);
        File.AppendAllText(folder.File("submissions-2025.csv"), "XA04,openCount,123456789,\n");
        var catalog = IndicatorCatalog.FromRuleSets([]).With(Vocabulary());
        folder.Write("extra-indicators.csv", "id,type,min,max,source,evidence,title\nopenCount,count,0,,self,false,Số lượng\n");
        var errors = new List<DataError>();
        var withOpen = IndicatorCatalog.FromCsv(folder.File("extra-indicators.csv"), errors).With(catalog);
        Assert.That(errors, Is.Empty);

        var result = DataFolderReader.Read(folder.Path, withOpen);

        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
    }

    [Test]
    public void A_file_that_is_not_utf8_is_refused_at_its_line()
    {
        using var folder = new TempFolder(TestPaths.ViDuData);
        var lines = File.ReadAllLines(folder.File("units.csv")).Length;
        File.AppendAllBytes(folder.File("units.csv"), [.. "XA99,X"u8, 0xE3, .. ",locality,,,\n"u8]);

        var result = DataFolderReader.Read(folder.Path, Vocabulary());

        Assert.That(result.Errors.Select(e => e.ToString()), Has.Some.StartsWith($"units.csv, dòng {lines + 1}: tệp không phải văn bản UTF-8"));
    }

    [Test]
    public void A_missing_folder_or_tenant_file_is_a_clear_error()
    {
        var missing = DataFolderReader.Read("/no/such/folder", Vocabulary());
        Assert.That(missing.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { "/no/such/folder: thư mục dữ liệu không tồn tại" }));

        using var folder = new TempFolder(TestPaths.ViDuData);
        folder.Write("tenant.json", "{ \"tenant\": \"vi-du\", \"name\": \"X\", \"movement\": { \"id\": \"m\", \"title\": \"t\", \"reportDeadline\": \"13-40\" } }");
        var messages = DataFolderReader.Read(folder.Path, Vocabulary()).Errors.Select(e => e.ToString()).ToList();
        Assert.That(messages, Has.Some.StartsWith("tenant.json, dòng 1, cột movement.reportDeadline: '13-40' không phải ngày và tháng"));

        folder.Write("tenant.json", "{ \"tenant\": \"vi-du\",\n  \"name\": }");
        messages = DataFolderReader.Read(folder.Path, Vocabulary()).Errors.Select(e => e.ToString()).ToList();
        Assert.That(messages, Has.Some.StartsWith("tenant.json, dòng 2: JSON không hợp lệ"));
    }

    [Test]
    public void A_rule_set_declaration_wins_over_the_vocabulary()
    {
        using var folder = new TempFolder(TestPaths.ViDuData);
        File.AppendAllText(folder.File("submissions-2025.csv"), "XA04,residentsTarget,12.5,\n");
        using var rules = new TempFolder();
        rules.Write("r.rules.json", RuleSetFixtures.ExampleText.Replace(
            "{ \"id\": \"residentsTarget\", \"type\": \"count\"", "{ \"id\": \"residentsTarget\", \"type\": \"number\"", StringComparison.Ordinal));
        var declared = IndicatorCatalog.FromRuleSets([RuleSetFixtures.Load(rules.File("r.rules.json")).RuleSet]);

        var byVocabulary = DataFolderReader.Read(folder.Path, Vocabulary());
        var byRuleSet = DataFolderReader.Read(folder.Path, declared.With(Vocabulary()));

        Assert.That(byVocabulary.Errors.Select(e => e.ToString()), Has.Some.Contains("residentsTarget: 12,5 không phải số nguyên; giá trị hợp lệ: một số nguyên không âm"));
        Assert.That(byRuleSet.Errors, Is.Empty);
        Assert.That(byRuleSet.Dataset!.Years[2025].ValuesOf("XA04")["residentsTarget"].Value.Type, Is.EqualTo(IndicatorType.Number));
    }

    [Test]
    public void The_vocabulary_is_found_above_a_rules_folder()
    {
        var found = IndicatorCatalog.Locate(Path.Combine(TestPaths.RepoRoot, "rules-catalog", "examples"));

        Assert.That(found, Is.EqualTo(TestPaths.IndicatorsCsv));
    }
}
