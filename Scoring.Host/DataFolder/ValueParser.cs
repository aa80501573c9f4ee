using NodaTime;
using NodaTime.Text;
using Scoring.Rules.Model;
using Scoring.Rules.Values;

namespace Scoring.Host.DataFolder;

/// <summary>
/// Parses the text of a submitted value as the indicator's type and range through the one shared check
/// (<see cref="IndicatorValueCheck"/>); the error is Vietnamese, ready for a message, and says what is allowed.
/// </summary>
internal static class ValueParser
{
    public static bool TryParse(string text, IndicatorType type, out IndicatorValue value, out string error) =>
        TryParse(text, type, null, null, out value, out error);

    public static bool TryParse(string text, IndicatorType type, decimal? min, decimal? max, out IndicatorValue value, out string error)
    {
        var (parsed, problem) = IndicatorValueCheck.Check(type, min, max, text);
        value = parsed ?? default;
        error = problem?.ToString() ?? string.Empty;
        return problem is null;
    }

    public static bool TryParseNumber(string text, out decimal number) => IndicatorValueCheck.TryParseNumber(text, out number);

    public static bool TryParseDate(string text, out LocalDate date)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        date = result.Success ? result.Value : default;
        return result.Success;
    }
}
