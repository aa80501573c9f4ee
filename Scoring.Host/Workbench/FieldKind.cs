namespace Scoring.Host.Workbench;

/// <summary>How a form field's text becomes JSON.</summary>
internal enum FieldKind
{
    /// <summary>A string; empty removes the property.</summary>
    Text,

    /// <summary>
    /// A number, shown vi-VN ("0,8", "1.000") by the one formatter and read back the same way (a dot is a decimal point unless
    /// it groups thousands: "0.85" is 0,85, "1.000" a thousand); text that is not a number is kept as a string, so the
    /// validator names the field.
    /// </summary>
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

    /// <summary>A year: a whole number shown without a thousands separator (2025, not 2.025).</summary>
    Year,

    /// <summary>Years separated by semicolons.</summary>
    YearList,

    /// <summary>"name: value" lines (a test case's values, the points it expects); a value is a number, true/false, a date or empty.</summary>
    Map,

    /// <summary>A JSON fragment kept as written (a test case's peers).</summary>
    Json,
}
