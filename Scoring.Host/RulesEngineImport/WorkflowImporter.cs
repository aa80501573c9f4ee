using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RulesEngine.Models;
using Scoring.Rules.Expressions;

namespace Scoring.Host.RulesEngineImport;

/// <summary>
/// Converts Microsoft RulesEngine workflows (read with the package's own <see cref="Workflow"/> and <see cref="Rule"/>
/// types) into draft rule sets, one per workflow, one criterion per enabled top-level rule:
/// <list type="bullet">
/// <item>the rule's <c>Expression</c> (a nested rule's children joined by its <c>Operator</c>) becomes the condition;</item>
/// <item>its points come from <c>Actions.OnSuccess</c> <c>OutputExpression</c> (a number: method <c>check</c>; a formula:
/// method <c>expression</c>, <c>If(condition, output, 0)</c>, whose maximum is the <c>SuccessEvent</c>), or else from a
/// numeric <c>SuccessEvent</c> (method <c>check</c>);</item>
/// <item>Dynamic LINQ is translated into the whitelisted C# subset (<see cref="DynamicLinqTranslator"/>); each indicator
/// read is declared (number, or true/false when used as one).</item>
/// </list>
/// What does not fit is reported with the workflow, the rule and the column, and left out of the draft.
/// </summary>
internal static class WorkflowImporter
{
    private static readonly JsonSerializerOptions Read = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly JsonSerializerOptions Write = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads one workflow or an array of workflows.</summary>
    /// <exception cref="WorkflowFormatException">Not a workflow JSON (the message says where and why).</exception>
    public static ImmutableArray<WorkflowDraft> Import(string json)
    {
        Workflow[] workflows;
        try
        {
            workflows = json.TrimStart().StartsWith('[')
                ? JsonSerializer.Deserialize<Workflow[]>(json, Read) ?? []
                : [JsonSerializer.Deserialize<Workflow>(json, Read) ?? throw new WorkflowFormatException("Tệp không chứa workflow nào.")];
        }
        catch (JsonException e)
        {
            throw new WorkflowFormatException(
                $"Tệp không phải workflow JSON của Microsoft RulesEngine: không đọc được ở dòng {(e.LineNumber ?? 0) + 1}, ký tự thứ {(e.BytePositionInLine ?? 0) + 1} "
                + $"(đường dẫn {e.Path ?? "$"}): JSON sai cú pháp, hoặc một giá trị không đúng kiểu RulesEngine cần (ví dụ `RuleName` là chuỗi, `Rules` là danh sách). "
                + "Hãy sửa chỗ đó rồi tải lên lại.");
        }
        if (workflows.Length == 0 || workflows.Any(w => w is null || string.IsNullOrWhiteSpace(w.WorkflowName) || w.Rules?.Any(r => r is null) == true))
        {
            throw new WorkflowFormatException("Mỗi workflow cần `WorkflowName` và danh sách `Rules`.");
        }
        return [.. workflows.Select(Convert)];
    }

    private static WorkflowDraft Convert(Workflow workflow)
    {
        var name = workflow.WorkflowName;
        var problems = new List<ImportProblem>();
        var indicators = new Dictionary<string, IndicatorUse>(StringComparer.Ordinal);
        var globals = Parameters(workflow.GlobalParams, new Dictionary<string, TranslatedExpression>(), name, "GlobalParams", problems);
        if (workflow.WorkflowsToInject?.Any() == true)
        {
            problems.Add(new ImportProblem(name, "(workflow)", "WorkflowsToInject", 0,
                $"các workflow được chèn ({string.Join(", ", workflow.WorkflowsToInject)}) không được nhập; hãy nhập từng workflow"));
        }
        var criteria = new JsonArray();
        var total = 0m;
        foreach (var rule in workflow.Rules ?? [])
        {
            var ruleName = string.IsNullOrWhiteSpace(rule.RuleName) ? $"(quy tắc {criteria.Count + 1})" : rule.RuleName;
            if (!rule.Enabled)
            {
                problems.Add(new ImportProblem(name, ruleName, "Enabled", 0, "quy tắc đang tắt (`Enabled: false`), không nhập"));
                continue;
            }
            var scope = Parameters(rule.LocalParams, globals, name, ruleName, problems);
            var condition = Condition(rule, scope, name, problems);
            var (criterion, max) = Points(rule, ruleName, condition, scope, name, problems);
            if (condition?.CSharp is null || criterion is null)
            {
                continue;
            }
            foreach (var use in condition.Indicators.Concat(criterion.Uses))
            {
                indicators[use.Id] = indicators.TryGetValue(use.Id, out var known) ? known with { Boolean = known.Boolean || use.Boolean } : use;
            }
            var json = new JsonObject
            {
                ["id"] = $"R.{criteria.Count + 1}",
                ["title"] = ruleName,
                ["clause"] = $"Microsoft RulesEngine: workflow «{name}», quy tắc «{ruleName}»",
                ["maxPoints"] = max,
            };
            foreach (var (key, value) in criterion.Properties)
            {
                json[key] = value?.DeepClone();
            }
            criteria.Add(json);
            total += max;
        }

        var root = new JsonObject
        {
            ["format"] = 1,
            ["id"] = "rulesengine." + Slug(name),
            ["version"] = "0.1.0",
            ["title"] = $"Nhập từ Microsoft RulesEngine: {name}",
            ["source"] = $"Workflow «{name}» (Microsoft RulesEngine)",
            ["years"] = new JsonObject { ["from"] = 2025, ["to"] = 2030 },
            ["unitKinds"] = new JsonArray(),
            ["indicators"] = new JsonArray([.. indicators.Values.OrderBy(i => i.Id, StringComparer.Ordinal).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = i.Id,
                ["type"] = i.Boolean ? "boolean" : "number",
                ["title"] = i.Source,
            })]),
            ["sections"] = new JsonArray(new JsonObject { ["id"] = "I", ["title"] = name, ["maxPoints"] = total, ["criteria"] = criteria }),
            ["grades"] = new JsonArray(),
        };
        return new WorkflowDraft(name, root.ToJsonString(Write) + "\n", criteria.Count, [.. problems]);
    }

    private sealed record Method(JsonObject Properties, ImmutableArray<IndicatorUse> Uses);

    private static TranslatedExpression? Condition(Rule rule, Dictionary<string, TranslatedExpression> scope, string workflow, List<ImportProblem> problems)
    {
        var name = rule.RuleName ?? "";
        if (!string.IsNullOrWhiteSpace(rule.Expression))
        {
            return Translated(rule.Expression, ValueKind.Boolean, scope, workflow, name, "Expression", problems);
        }
        var children = rule.Rules?.Where(r => r is not null && r.Enabled).ToList() ?? [];
        if (children.Count == 0)
        {
            problems.Add(new ImportProblem(workflow, name, "Expression", 0, "quy tắc không có `Expression` và không có quy tắc con"));
            return null;
        }
        var join = rule.Operator?.ToLowerInvariant() switch
        {
            "and" or "andalso" => " && ",
            "or" or "orelse" => " || ",
            _ => null,
        };
        if (join is null)
        {
            problems.Add(new ImportProblem(workflow, name, "Operator", 0, $"`Operator` \"{rule.Operator}\" không phải And, AndAlso, Or hay OrElse"));
            return null;
        }
        var parts = children.Select(c => Condition(c, Parameters(c.LocalParams, scope, workflow, c.RuleName ?? "", problems), workflow, problems)).ToList();
        if (parts.Any(p => p?.CSharp is null))
        {
            return null;
        }
        return new TranslatedExpression(string.Join(join, parts.Select(p => $"({p!.CSharp})")), [], [.. parts.SelectMany(p => p!.Indicators)]);
    }

    private static (Method? Method, decimal Max) Points(
        Rule rule, string ruleName, TranslatedExpression? condition, Dictionary<string, TranslatedExpression> scope, string workflow, List<ImportProblem> problems)
    {
        decimal? successEvent = decimal.TryParse(rule.SuccessEvent, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var e) && e > 0 ? e : null;
        var action = rule.Actions?.OnSuccess;
        if (action is not null && !string.Equals(action.Name, "OutputExpression", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new ImportProblem(workflow, ruleName, "Actions.OnSuccess", 0,
                $"hành động `{action.Name}` không chuyển được (chỉ `OutputExpression`)"));
            return (null, 0);
        }
        var output = action?.Context?.FirstOrDefault(p => string.Equals(p.Key, "Expression", StringComparison.OrdinalIgnoreCase)).Value switch
        {
            JsonElement { ValueKind: JsonValueKind.String } s => s.GetString(),
            JsonElement { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            string s => s,
            _ => null,
        };
        if (action is not null && output is null)
        {
            problems.Add(new ImportProblem(workflow, ruleName, "Actions.OnSuccess.Context", 0, "`OutputExpression` không có `Context.Expression`"));
            return (null, 0);
        }
        if (condition?.CSharp is null)
        {
            return (null, 0);
        }
        if (output is not null)
        {
            if (decimal.TryParse(output.Trim().TrimEnd('m', 'M'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var constant) && constant > 0)
            {
                return (new Method(new JsonObject { ["method"] = "check", ["condition"] = condition.CSharp }, []), constant);
            }
            var formula = Translated(output, ValueKind.Number, scope, workflow, ruleName, "Actions.OnSuccess.Context.Expression", problems);
            if (formula?.CSharp is null)
            {
                return (null, 0);
            }
            if (successEvent is not { } max)
            {
                problems.Add(new ImportProblem(workflow, ruleName, "SuccessEvent", 0,
                    "điểm theo công thức cần điểm tối đa: ghi `SuccessEvent` là một số (ví dụ \"10\") hoặc sửa `maxPoints` của tiêu chí trong bản nháp"));
                return (null, 0);
            }
            return (new Method(new JsonObject { ["method"] = "expression", ["formula"] = $"If({condition.CSharp}, {formula.CSharp}, 0)" }, formula.Indicators), max);
        }
        if (successEvent is { } points)
        {
            return (new Method(new JsonObject { ["method"] = "check", ["condition"] = condition.CSharp }, []), points);
        }
        problems.Add(new ImportProblem(workflow, ruleName, "SuccessEvent", 0,
            "không xác định được điểm: cần `SuccessEvent` là một số dương hoặc `Actions.OnSuccess` là `OutputExpression`"));
        return (null, 0);
    }

    private static Dictionary<string, TranslatedExpression> Parameters(
        IEnumerable<ScopedParam>? parameters, Dictionary<string, TranslatedExpression> outer, string workflow, string rule, List<ImportProblem> problems)
    {
        var scope = new Dictionary<string, TranslatedExpression>(outer, StringComparer.Ordinal);
        foreach (var parameter in parameters ?? [])
        {
            if (string.IsNullOrWhiteSpace(parameter.Name) || string.IsNullOrWhiteSpace(parameter.Expression))
            {
                continue;
            }
            // A parameter may be a number or a condition: try the number first.
            var number = DynamicLinqTranslator.Translate(parameter.Expression, ValueKind.Number, scope);
            var translated = number.CSharp is not null ? number : DynamicLinqTranslator.Translate(parameter.Expression, ValueKind.Boolean, scope);
            if (translated.CSharp is null)
            {
                foreach (var (column, message) in number.Refused)
                {
                    problems.Add(new ImportProblem(workflow, rule, $"tham số {parameter.Name}", column, message));
                }
            }
            scope[parameter.Name] = translated;
        }
        return scope;
    }

    private static TranslatedExpression? Translated(
        string source, ValueKind kind, Dictionary<string, TranslatedExpression> scope, string workflow, string rule, string part, List<ImportProblem> problems)
    {
        var translated = DynamicLinqTranslator.Translate(source, kind, scope);
        foreach (var (column, message) in translated.Refused)
        {
            problems.Add(new ImportProblem(workflow, rule, part, column, message));
        }
        return translated.CSharp is null ? null : translated;
    }

    private static string Slug(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }
        var slug = text.ToString().Trim('-');
        return slug.Length == 0 ? "workflow" : slug;
    }
}
