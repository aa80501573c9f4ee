using System.Collections.Immutable;
using Scoring.Rules.Model;

namespace Scoring.Host.Pipeline;

/// <summary>A cluster or bloc of one year with its members' codes, in order.</summary>
internal sealed record InputGroup(string Code, string Name, GroupKind Kind, ImmutableArray<string> Members);
