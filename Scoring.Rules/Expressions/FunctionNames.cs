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
        Min or Max => (2, int.MaxValue, "two or more numbers"),
        Clamp => (3, 3, "three numbers (x, lo, hi)"),
        Round => (1, 2, "one number, or a number and the digits (x, digits)"),
        Floor or Ceiling or Abs => (1, 1, "one number"),
        Ratio => (2, 3, "two numbers (a, b), or three (a, b, whenZero)"),
        If => (3, 3, "three arguments (condition, a, b)"),
        _ => (0, 0, "no arguments"),
    };
}
