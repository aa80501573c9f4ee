namespace Scoring.Host.AdminConsole;

/// <summary>
/// A console page with a form: each refusal is kept under the name of the field it concerns, so the page shows it beside
/// that field (and marks the field invalid) rather than in one line at the top.
/// </summary>
public abstract class ConsoleFormModel : ConsolePageModel
{
    /// <summary>The refusal of each field, by the field's form name; the first refusal of a field wins.</summary>
    public IDictionary<string, string> FieldErrors { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public bool IsRefused => FieldErrors.Count > 0;

    /// <summary>The field and its refusal, for the shared <c>_ConsoleField</c> partial.</summary>
    public ConsoleField Field(string name, string label, string? value, string? hint = null, string? placeholder = null, string? inputMode = null) =>
        new(name, label, value, FieldErrors.TryGetValue(name, out var error) ? error : null, hint, placeholder, inputMode);

    internal void Refuse(string field, string message) => FieldErrors.TryAdd(field, message);
}
