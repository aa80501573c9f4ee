namespace Scoring.Host.RulesEngineImport;

/// <summary>
/// Something of a workflow the importer did not carry into the draft: the rule, where in its expression (1-based column,
/// 0 when the whole rule), and why (Vietnamese).
/// </summary>
internal sealed record ImportProblem(string Workflow, string Rule, string Part, int Column, string Message)
{
    public override string ToString() =>
        Column > 0 ? $"{Workflow}/{Rule}, {Part} (cột {Column}): {Message}" : $"{Workflow}/{Rule}: {Message}";
}
