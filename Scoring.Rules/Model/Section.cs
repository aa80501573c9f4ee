using System.Collections.Immutable;

namespace Scoring.Rules.Model;

/// <summary>A part of the movement's contents (e.g. "I. Chuyển đổi số"), holding criteria whose maxima add up to <see cref="MaxPoints"/>.</summary>
public sealed record Section(string Id, string Title, decimal MaxPoints, ImmutableArray<Criterion> Criteria, string Path);
