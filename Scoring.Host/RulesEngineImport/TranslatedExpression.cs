using System.Collections.Immutable;

namespace Scoring.Host.RulesEngineImport;

/// <summary>
/// A Dynamic LINQ expression in the rule sets' C# subset (null when refused), the refusals (1-based column in the
/// original text) and the indicators it reads (id, original name, whether used as true/false).
/// </summary>
internal sealed record TranslatedExpression(string? CSharp, ImmutableArray<(int Column, string Message)> Refused, ImmutableArray<IndicatorUse> Indicators);

/// <summary>An indicator an imported expression reads: the id in the rule set, the name in the workflow, and its kind.</summary>
internal sealed record IndicatorUse(string Id, string Source, bool Boolean);
