using System.Globalization;
using NodaTime.Text;
using Scoring.Rules.Model;

namespace Scoring.Rules.Values;

/// <summary>
/// THE check of one submitted value against its indicator, shared by the API (submissions, imports), the data-folder
/// reader and the runs: its type (number, percent, count, boolean, date), a count's whole number, and the declared
/// range. A side without a declared bound is open-ended (a percent without bounds is 0–100, see the reader). Messages
/// are Vietnamese and say what is allowed, so the user can fix the value without reading the rule set.
/// </summary>
public static class IndicatorValueCheck
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The value of <paramref name="text"/> for the indicator, or the problem (what is wrong and what is allowed).</summary>
    public static (IndicatorValue? Value, ValueProblem? Problem) Check(IndicatorType type, decimal? min, decimal? max, string text)
    {
        var trimmed = text.Trim();
        switch (type)
        {
            case IndicatorType.Boolean:
                if (string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return (IndicatorValue.FromBoolean(true), null);
                }
                if (string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase))
                {
                    return (IndicatorValue.FromBoolean(false), null);
                }
                return (null, new ValueProblem($"«{text}» không phải giá trị đúng/sai", Allowed(type, min, max)));

            case IndicatorType.Date:
                var parsed = LocalDatePattern.Iso.Parse(trimmed);
                return parsed.Success
                    ? (IndicatorValue.FromDate(parsed.Value), null)
                    : (null, new ValueProblem($"«{text}» không phải ngày hợp lệ", Allowed(type, min, max)));

            default:
                if (!TryParseNumber(trimmed, out var number))
                {
                    return (null, new ValueProblem(NotANumber(text, trimmed), Allowed(type, min, max)));
                }
                if (type == IndicatorType.Count && (number < 0m || number != decimal.Truncate(number)))
                {
                    return (null, new ValueProblem(number < 0m ? $"{Show(number)} là số âm" : $"{Show(number)} không phải số nguyên", Allowed(type, min, max)));
                }
                if ((min is { } low && number < low) || (max is { } high && number > high))
                {
                    return (null, new ValueProblem($"{Show(number)} nằm ngoài khoảng cho phép", Allowed(type, min, max)));
                }
                return (IndicatorValue.FromNumber(number, type), null);
        }
    }

    /// <summary>What the indicator accepts, in words: "số nguyên không âm, từ 0 đến 500".</summary>
    public static string Allowed(IndicatorType type, decimal? min, decimal? max)
    {
        var range = (min, max) switch
        {
            ({ } a, { } b) => $", từ {Show(a)} đến {Show(b)}",
            ({ } a, null) => $", từ {Show(a)} trở lên",
            (null, { } b) => $", không quá {Show(b)}",
            _ => string.Empty,
        };
        return type switch
        {
            IndicatorType.Boolean => "true hoặc false",
            IndicatorType.Date => "một ngày dạng yyyy-MM-dd, ví dụ 2025-11-10",
            IndicatorType.Count => "một số nguyên không âm" + range,
            IndicatorType.Percent => "một tỷ lệ phần trăm viết như số (80 là 80 %)" + range,
            _ => "một số (dấu chấm cho phần thập phân, ví dụ 0.75)" + range,
        };
    }

    public static bool TryParseNumber(string text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);

    private static string NotANumber(string text, string trimmed) =>
        trimmed.Contains(',', StringComparison.Ordinal)
            ? $"«{text}» không phải số: không dùng dấu phẩy (không phân cách hàng nghìn, phần thập phân viết bằng dấu chấm)"
            : string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase)
                ? $"«{text}» là giá trị đúng/sai, không phải số"
                : $"«{text}» không phải số";

    private static string Show(decimal value) => value.ToString("0.############", Vietnamese);
}
