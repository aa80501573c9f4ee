using System.Collections.Immutable;

namespace Scoring.Host.RulesEngineImport;

/// <summary>One workflow converted: the draft rule set's JSON, how many rules became criteria, and what was refused.</summary>
internal sealed record WorkflowDraft(string WorkflowName, string Json, int Criteria, ImmutableArray<ImportProblem> Problems);
