namespace Scoring.Rules.Expressions;

/// <summary>The functions a rule expression may call (case-sensitive) and how many arguments each takes.</summary>
internal static class FunctionNames
{
    public const string Min = nameof(Min);
    public const string Max = nameof(Max);
    public const string Clamp = nameof(Clamp);
    public const string Round = nameof(Round);
    public const string Floor = nameof(Floor);
    public const string Ceiling = nameof(Ceiling);
    public const string Abs = nameof(Abs);
    public const string Ratio = nameof(Ratio);
    public const string If = nameof(If);

    public static readonly string[] All = [Min, Max, Clamp, Round, Floor, Ceiling, Abs, Ratio, If];

    public static bool IsKnown(string name) => Array.IndexOf(All, name) >= 0;

    public static string? FindIgnoringCase(string name) =>
        Array.Find(All, f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));

    public static (int Min, int Max, string Text) Arity(string name) => name switch
    {
        Min or Max => (2, int.MaxValue, "hai số trở lên"),
        Clamp => (3, 3, "ba số (x, lo, hi)"),
        Round => (1, 2, "một số, hoặc một số và số chữ số thập phân (x, digits)"),
        Floor or Ceiling or Abs => (1, 1, "một số"),
        Ratio => (2, 3, "hai số (a, b), hoặc ba số (a, b, whenZero)"),
        If => (3, 3, "ba đối số (condition, a, b)"),
        _ => (0, 0, "không đối số nào"),
    };
}
