using System.Collections.Immutable;

namespace Scoring.Engine.Model;

/// <summary>A cluster (cụm) or bloc (khối) for one year and its member unit codes.</summary>
public sealed record GroupRecord(string Code, string Name, string Kind, ImmutableArray<string> Members);
