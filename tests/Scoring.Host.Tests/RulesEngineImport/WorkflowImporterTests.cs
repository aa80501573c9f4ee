using System.Text.Json.Nodes;
using Scoring.Host.RulesEngineImport;
using Scoring.Rules.Loading;

namespace Scoring.Host.Tests.RulesEngineImport;

/// <summary>
/// Workflows written the way Microsoft RulesEngine's README, wiki and demo workflows write them (an array of workflows;
/// rule parameters input1, input2; AND/OR keywords; string comparisons; nested rules with OrElse/AndAlso; SuccessEvent;
/// Actions.OnSuccess OutputExpression with Context.Expression; LocalParams) become draft rule sets; what the whitelist
/// refuses is reported with the rule's name and the column.
/// </summary>
public sealed class WorkflowImporterTests
{
    private const string Workflows = """
        [
          {
            "WorkflowName": "ChamDiemXa",
            "GlobalParams": [ { "Name": "daNopBaoCao", "Expression": "input1.reportsSent > 0" } ],
            "Rules": [
              {
                "RuleName": "DatTyLeTrucTuyen",
                "SuccessEvent": "10",
                "ErrorMessage": "Chưa đạt tỷ lệ.",
                "ErrorType": "Error",
                "RuleExpressionType": "LambdaExpression",
                "Expression": "input1.onlineRate >= 80 AND input1.reportsSent > 2"
              },
              {
                "RuleName": "ThuongSangKien",
                "SuccessEvent": "6",
                "RuleExpressionType": "LambdaExpression",
                "Expression": "input1.initiatives > 0 and daNopBaoCao",
                "Actions": {
                  "OnSuccess": {
                    "Name": "OutputExpression", // the action
                    "Context": { "Expression": "input1.initiatives * 2" }
                  }
                }
              },
              {
                "RuleName": "LaXaMienNui",
                "SuccessEvent": "5",
                "Expression": "input1.region == \"mien-nui\" AND input1.dti >= 0.5"
              },
              {
                "RuleName": "HoanThanhMotTrongHaiViec",
                "SuccessEvent": "5",
                "Operator": "OrElse",
                "Rules": [
                  { "RuleName": "DaPhatDong", "Expression": "input1.launchHeld == true" },
                  { "RuleName": "DaTapHuan", "Expression": "input2.staffTrained >= 100 OR input2.cadresTrained >= 50" }
                ]
              },
              {
                "RuleName": "TyLeHoanThanh",
                "SuccessEvent": "4",
                "LocalParams": [ { "Name": "tyLe", "Expression": "input1.done / input1.total * 100" } ],
                "Expression": "tyLe >= 90"
              },
              {
                "RuleName": "TenBatDauBangXa",
                "SuccessEvent": "1",
                "Expression": "input1.name.StartsWith(\"Xã\")"
              },
              {
                "RuleName": "KhongCoDiem",
                "Expression": "input1.dti > 0.9"
              },
              {
                "RuleName": "DaTat",
                "Enabled": false,
                "SuccessEvent": "3",
                "Expression": "input1.dti > 0.1"
              }
            ]
          }
        ]
        """;

    [Test]
    public void Rules_that_fit_become_criteria_and_the_rest_is_reported_with_rule_and_column()
    {
        var draft = WorkflowImporter.Import(Workflows).Single();

        var json = (JsonObject)JsonNode.Parse(draft.Json)!;
        var criteria = json["sections"]![0]!["criteria"]!.AsArray();
        Assert.That(criteria.Select(c => (c!["title"]!.GetValue<string>(), c["method"]!.GetValue<string>(), c["maxPoints"]!.GetValue<decimal>())), Is.EqualTo(new[]
        {
            ("DatTyLeTrucTuyen", "check", 10m),
            ("ThuongSangKien", "expression", 6m),
            ("HoanThanhMotTrongHaiViec", "check", 5m),
            ("TyLeHoanThanh", "check", 4m),
        }));
        Assert.That(criteria[0]!["condition"]!.GetValue<string>(), Is.EqualTo("onlineRate >= 80 && reportsSent > 2"));
        Assert.That(criteria[1]!["formula"]!.GetValue<string>(), Is.EqualTo("If(initiatives > 0 && (reportsSent > 0), initiatives * 2, 0)"));
        Assert.That(criteria[2]!["condition"]!.GetValue<string>(), Is.EqualTo("(launchHeld == true) || (staffTrained >= 100 || cadresTrained >= 50)"));
        Assert.That(criteria[3]!["condition"]!.GetValue<string>(), Is.EqualTo("(done / total * 100) >= 90"));
        Assert.That(json["sections"]![0]!["maxPoints"]!.GetValue<decimal>(), Is.EqualTo(25m));
        var indicators = json["indicators"]!.AsArray().ToDictionary(i => i!["id"]!.GetValue<string>(), i => i!["type"]!.GetValue<string>());
        Assert.That(indicators, Does.ContainKey("launchHeld").WithValue("boolean"));
        Assert.That(indicators, Does.ContainKey("staffTrained").WithValue("number"));
        Assert.That(json["indicators"]![0]!["title"]!.GetValue<string>(), Does.StartWith("input"), "the title keeps the workflow's name");

        Assert.That(draft.Problems.Select(p => (p.Rule, p.Part, p.Column)), Is.EqualTo(new[]
        {
            ("LaXaMienNui", "Expression", 18),
            ("TenBatDauBangXa", "Expression", 1),
            ("TenBatDauBangXa", "Expression", 24),
            ("KhongCoDiem", "SuccessEvent", 0),
            ("DaTat", "Enabled", 0),
        }));
        Assert.That(draft.Problems[0].Message, Does.Contain("chuỗi ký tự \"mien-nui\" không được phép"));
        Assert.That(draft.Problems[1].Message, Does.Contain("`input1.name.StartsWith`").And.Contain("không có trong danh sách được phép"));
        Assert.That(draft.Problems[0].ToString(), Does.StartWith("ChamDiemXa/LaXaMienNui, Expression (cột 18): "));
    }

    [Test]
    public void The_draft_is_a_rule_set_whose_expressions_all_compile()
    {
        var draft = WorkflowImporter.Import(Workflows).Single();

        var loaded = RuleSetLoader.LoadText(draft.Json, "draft.rules.json");

        Assert.That(loaded.Diagnostics.Where(d => d.Code.StartsWith("RS03", StringComparison.Ordinal)), Is.Empty,
            string.Join("\n", loaded.Diagnostics));
        Assert.That(loaded.Diagnostics.Select(d => d.Code), Does.Contain("RS1004").And.Contain("RS0601"),
            "what the maintainer finishes: the unit kinds and the grades");
    }

    [Test]
    public void One_workflow_object_reads_as_well_as_an_array_and_bad_json_says_where()
    {
        var single = WorkflowImporter.Import("""{ "WorkflowName": "Mot", "Rules": [ { "RuleName": "A", "SuccessEvent": "2", "Expression": "input1.x > 1" } ] }""");
        Assert.That(single.Single().Criteria, Is.EqualTo(1));
        Assert.That(() => WorkflowImporter.Import("""[ { "WorkflowName": "Mot", "Rules": [ { "RuleName": 5 ] } ]"""),
            Throws.TypeOf<WorkflowFormatException>().With.Message.Contains("không phải workflow JSON"));
        Assert.That(() => WorkflowImporter.Import("""[ { "Rules": [] } ]"""),
            Throws.TypeOf<WorkflowFormatException>().With.Message.Contains("WorkflowName"));
    }
}
