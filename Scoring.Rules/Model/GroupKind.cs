using System.Collections.Immutable;

namespace Scoring.Rules.Model;

/// <summary>How units are grouped for ranking: an emulation cluster (cụm thi đua) or bloc (khối thi đua).</summary>
public readonly record struct GroupKind
{
    public static readonly GroupKind Cluster = new("cluster");
    public static readonly GroupKind Bloc = new("bloc");

    private GroupKind(string value) => Value = value;

    /// <summary>Both kinds, clusters first (the order exports list groups in).</summary>
    public static ImmutableArray<GroupKind> All { get; } = [Cluster, Bloc];

    public string Value { get; }

    /// <summary>The kind's noun in messages: "cụm" or "khối".</summary>
    public string Noun => this == Bloc ? "khối" : "cụm";

    /// <summary>The kind's title on pages and exports: "Cụm thi đua" or "Khối thi đua".</summary>
    public string Title => this == Bloc ? "Khối thi đua" : "Cụm thi đua";

    /// <summary>The noun of the kind written as <paramref name="text"/>; "cụm" for any text that is not "bloc".</summary>
    public static string NounOf(string? text) => TryParse(text, out var kind) ? kind.Noun : Cluster.Noun;

    /// <summary>The kind written as <paramref name="text"/> ("cluster" or "bloc", case-sensitive); false for any other text.</summary>
    public static bool TryParse(string? text, out GroupKind kind)
    {
        kind = All.FirstOrDefault(k => string.Equals(k.Value, text, StringComparison.Ordinal));
        return kind.Value is not null;
    }

    /// <summary>Whether <paramref name="text"/> names a group kind.</summary>
    public static bool IsKnown(string? text) => TryParse(text, out _);

    public override string ToString() => Value ?? string.Empty;
}
