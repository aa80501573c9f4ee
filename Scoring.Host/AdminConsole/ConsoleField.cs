namespace Scoring.Host.AdminConsole;

/// <summary>One text field of a console form with its label, hint and refusal (shown beside it, in Vietnamese).</summary>
public sealed record ConsoleField(string Name, string Label, string? Value, string? Error, string? Hint, string? Placeholder, string? InputMode)
{
    public string? DescribedBy => string.Join(' ', new[] { Hint is null ? null : Name + "-goi-y", Error is null ? null : Name + "-loi" }.OfType<string>()) is { Length: > 0 } ids
        ? ids
        : null;
}
