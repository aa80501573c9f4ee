using System.Collections.Immutable;

namespace Scoring.Rules.Model;

/// <summary>
/// A kind of unit (đơn vị) that rule sets score, as written in data files, the API and a rule set's <c>unitKinds</c>:
/// localities, departments, the Front, enterprises, public-service units, party offices, the armed forces, commune agencies,
/// and individuals (cá nhân: the catalog's nomination checks).
/// </summary>
public readonly record struct UnitKind
{
    public static readonly UnitKind Locality = new("locality");
    public static readonly UnitKind Department = new("department");
    public static readonly UnitKind Front = new("front");
    public static readonly UnitKind Enterprise = new("enterprise");
    public static readonly UnitKind PublicService = new("public-service");
    public static readonly UnitKind PartyOffice = new("party-office");
    public static readonly UnitKind ArmedForces = new("armed-forces");
    public static readonly UnitKind CommuneAgency = new("commune-agency");
    public static readonly UnitKind Individual = new("individual");

    private UnitKind(string value) => Value = value;

    /// <summary>Every kind, in the order messages list them.</summary>
    public static ImmutableArray<UnitKind> All { get; } = [Locality, Department, Front, Enterprise, PublicService, PartyOffice, ArmedForces, CommuneAgency, Individual];

    /// <summary>The kinds as written ("locality", "department", …), for messages.</summary>
    public static string AllText => string.Join(", ", All);

    public string Value { get; }

    /// <summary>The kind written as <paramref name="text"/> (exact, case-sensitive); false for any other text.</summary>
    public static bool TryParse(string? text, out UnitKind kind)
    {
        kind = All.FirstOrDefault(k => string.Equals(k.Value, text, StringComparison.Ordinal));
        return kind.Value is not null;
    }

    /// <summary>Whether <paramref name="text"/> names a unit kind.</summary>
    public static bool IsKnown(string? text) => TryParse(text, out _);

    public override string ToString() => Value ?? string.Empty;
}
