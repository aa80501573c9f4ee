namespace Scoring.Rules.Model;

/// <summary>After the total, ties are broken by these keys in order; ties that remain are shown as ties.</summary>
/// <param name="Kind">What is compared.</param>
/// <param name="Ref">The section, criterion or indicator id (null for Bonus/Penalty).</param>
public sealed record TieBreaker(TieBreakerKind Kind, string? Ref, bool Descending, string Path);
