namespace Scoring.Host.AdminConsole;

/// <summary>One unit as the group form lists it: ticked when a member, and the other group of the year it belongs to, if any.</summary>
public sealed record GroupFormUnit(string Code, string Name, string Kind, bool Member, string? ElsewhereIn, string? Validity);
