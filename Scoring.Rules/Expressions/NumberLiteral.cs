using System.Globalization;

namespace Scoring.Rules.Expressions;

/// <summary>
/// Reads a numeric literal from its token text into an exact <see cref="decimal"/>: '0.8' is exactly 0.8, never
/// the double nearest to it. Only plain decimal digits, an optional fraction, an optional exponent and an optional
/// 'm' suffix are accepted; other suffixes (f, d, L, u) and hex/binary forms are errors.
/// </summary>
internal static class NumberLiteral
{
    public static bool TryParse(string tokenText, out decimal value, out string? error)
    {
        value = 0m;
        var text = tokenText.Replace("_", "", StringComparison.Ordinal);
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || text.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            error = ExpressionMessages.NumberFormat(tokenText);
            return false;
        }
        var suffixStart = text.Length;
        while (suffixStart > 0 && char.IsLetter(text[suffixStart - 1]) && !IsExponentLetterFollowedByDigits(text, suffixStart - 1))
        {
            suffixStart--;
        }
        var suffix = text[suffixStart..];
        if (suffix.Length > 0 && !suffix.Equals("m", StringComparison.OrdinalIgnoreCase))
        {
            error = ExpressionMessages.NumberSuffix(suffix);
            return false;
        }
        var digits = text[..suffixStart];
        if (digits.Length == 0 || !char.IsAsciiDigit(digits[0]) && digits[0] != '.')
        {
            error = ExpressionMessages.NumberFormat(tokenText);
            return false;
        }
        const NumberStyles styles = NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        try
        {
            value = decimal.Parse(digits, styles, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            error = ExpressionMessages.NumberRange(tokenText);
            return false;
        }
        catch (FormatException)
        {
            error = ExpressionMessages.NumberFormat(tokenText);
            return false;
        }
        error = null;
        return true;
    }

    // "1e3": the 'e' is part of the number, not a suffix.
    private static bool IsExponentLetterFollowedByDigits(string text, int index) =>
        text[index] is 'e' or 'E' && index + 1 < text.Length;
}
