using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Scoring.Rules.Model;

namespace Scoring.Host.DataFolder;

/// <summary>Parses the text of a submitted value as the indicator's type; the error is Vietnamese, ready for a message.</summary>
internal static class ValueParser
{
    public static bool TryParse(string text, IndicatorType type, out IndicatorValue value, out string error)
    {
        value = default;
        error = string.Empty;
        switch (type)
        {
            case IndicatorType.Boolean:
                if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
                {
                    value = IndicatorValue.FromBoolean(true);
                    return true;
                }

                if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
                {
                    value = IndicatorValue.FromBoolean(false);
                    return true;
                }

                error = $"'{text}' không phải giá trị đúng/sai; dùng true hoặc false";
                return false;

            case IndicatorType.Date:
                if (TryParseDate(text, out var date))
                {
                    value = IndicatorValue.FromDate(date);
                    return true;
                }

                error = $"'{text}' không phải ngày hợp lệ; dùng dạng yyyy-MM-dd, ví dụ 2025-11-10";
                return false;

            default:
                if (!TryParseNumber(text, out var number))
                {
                    error = $"'{text}' không phải số (dùng dấu chấm cho phần thập phân, ví dụ 0.75)";
                    return false;
                }

                if (type == IndicatorType.Count && (number < 0m || number != decimal.Truncate(number)))
                {
                    error = $"'{text}' không phải số đếm (số nguyên không âm)";
                    return false;
                }

                value = IndicatorValue.FromNumber(number, type);
                return true;
        }
    }

    /// <summary>Guesses the type of a value whose indicator nobody declared: boolean, date, then number.</summary>
    public static IndicatorType Guess(string text) =>
        string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)
            ? IndicatorType.Boolean
            : TryParseDate(text, out _) ? IndicatorType.Date : IndicatorType.Number;

    public static bool TryParseNumber(string text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);

    public static bool TryParseDate(string text, out LocalDate date)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        date = result.Success ? result.Value : default;
        return result.Success;
    }
}
