using Scoring.Rules.Model;

namespace Scoring.Engine.Compilation;

/// <summary>A grade band with its optional condition compiled.</summary>
internal sealed record CompiledGrade(GradeBand Grade, CompiledExpression? Condition);
