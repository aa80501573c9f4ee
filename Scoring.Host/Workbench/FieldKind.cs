namespace Scoring.Host.Workbench;

/// <summary>How a form field's text becomes JSON.</summary>
internal enum FieldKind
{
    /// <summary>A string; empty removes the property.</summary>
    Text,

    /// <summary>A number (dot or decimal comma); text that is not a number is kept as a string, so the validator names the field.</summary>
    Number,

    /// <summary>A number or an expression (<c>value</c>, <c>target</c>).</summary>
    Operand,

    /// <summary>true, false or empty (removed).</summary>
    Boolean,

    /// <summary>Strings separated by commas.</summary>
    TextList,

    /// <summary>Numbers separated by semicolons (a comma may be a decimal comma).</summary>
    NumberList,

    /// <summary>One of <see cref="EditorField.Options"/>.</summary>
    Choice,
}
