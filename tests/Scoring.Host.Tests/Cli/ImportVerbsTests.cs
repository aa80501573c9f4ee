namespace Scoring.Host.Tests.Cli;

/// <summary>`excel-export`, `excel-import` and `rulesengine-import` on real files: a catalog rule set goes out to Excel and back unchanged; a workflow becomes a draft.</summary>
public sealed class ImportVerbsTests
{
    [Test]
    public void Excel_export_then_import_gives_back_the_rule_set_that_validate_accepts()
    {
        using var folder = new TempFolder();
        var xlsx = folder.File("bang-cham-diem.xlsx");
        var draft = folder.File("nhap.rules.json");

        var export = CliRunner.Run("excel-export", TestPaths.ExampleRuleSet, "--out", xlsx);
        var import = CliRunner.Run("excel-import", xlsx, "--out", draft);

        Assert.That(export.Exit, Is.EqualTo(0), export.ToString());
        Assert.That(import.Exit, Is.EqualTo(0), import.ToString());
        Assert.That(import.Out, Does.Contain("Mọi dòng đều đã đọc được"));
        Assert.That(Scoring.Rules.Versions.CanonicalJson.FromText(File.ReadAllText(draft)),
            Is.EqualTo(Scoring.Rules.Versions.CanonicalJson.FromText(File.ReadAllText(TestPaths.ExampleRuleSet))));
        var validate = CliRunner.Run("validate", draft);
        Assert.That(validate.Exit, Is.EqualTo(0), validate.ToString());
    }

    [Test]
    public void Excel_import_of_a_file_that_is_not_a_workbook_is_exit_2_with_the_reason()
    {
        using var folder = new TempFolder();
        var bad = folder.File("bang.xlsx");
        File.WriteAllText(bad, "không phải Excel");

        var import = CliRunner.Run("excel-import", bad, "--out", folder.File("nhap.rules.json"));

        Assert.That(import.Exit, Is.EqualTo(2), import.ToString());
        Assert.That(import.Err, Does.Contain("không phải bảng tính .xlsx"));
        Assert.That(File.Exists(folder.File("nhap.rules.json")), Is.False, "nothing is written");
    }

    [Test]
    public void Rulesengine_import_writes_the_draft_and_lists_the_refused_rule_with_its_column()
    {
        using var folder = new TempFolder();
        var workflow = folder.File("Discount.json");
        File.WriteAllText(workflow, """
            [ { "WorkflowName": "Discount", "Rules": [
                { "RuleName": "GiveDiscount10", "SuccessEvent": "10", "Expression": "input1.loyaltyFactor <= 2 AND input2.totalOrders > 2" },
                { "RuleName": "GiveDiscount20", "SuccessEvent": "20", "Expression": "input1.country == \"india\" AND input1.loyaltyFactor == 3" } ] } ]
            """);
        var draft = folder.File("discount.rules.json");

        var result = CliRunner.Run("rulesengine-import", workflow, "--out", draft);

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("Workflow «Discount»: 1 tiêu chí"));
        Assert.That(result.Out, Does.Contain("Discount/GiveDiscount20, Expression (cột 19): chuỗi ký tự \"india\" không được phép"));
        Assert.That(File.ReadAllText(draft), Does.Contain("\"condition\": \"loyaltyFactor <= 2 && totalOrders > 2\""));
    }
}
