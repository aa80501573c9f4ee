using System.Globalization;
using System.Text.RegularExpressions;
using Scoring.Engine.Sensitivity;
using Scoring.Engine.Text;

namespace Scoring.Host.Sensitivity;

/// <summary>
/// What a caller asks of an analysis: ±spread in percent, samples, seed. Read from the API's query or the page's form the
/// same way: the spread takes a decimal comma or point ("7,5", "7.5"), the samples vi-VN thousands ("1.000") or plain
/// digits. The bounds keep one request to seconds, not minutes (docs/api.md): at most <see cref="MaxSamples"/> samples
/// and <see cref="MaxUnitSamples"/> unit scorings (units × samples).
/// </summary>
internal sealed partial record SensitivityParameters(decimal SpreadPercent, int Samples, ulong Seed)
{
    public const int DefaultSamples = 1000;
    public const decimal DefaultSpread = 10m;
    public const ulong DefaultSeed = 1;

    /// <summary>The most samples one request may ask for: the analysis runs inside the request.</summary>
    public const int MaxSamples = 2000;

    /// <summary>The most unit scorings (units analysed × samples) one request may cost: 2,000 samples of 250 units.</summary>
    public const int MaxUnitSamples = 500_000;

    public static readonly SensitivityParameters Default = new(DefaultSpread, DefaultSamples, DefaultSeed);

    public SensitivityOptions Options => new(Samples, SpreadPercent, Seed);

    /// <summary>The parameters, or the problem with the first bad one: its name, what is wrong, an example that works.</summary>
    public static (SensitivityParameters? Parameters, string? Field, string? Problem) Parse(string? spread, string? samples, string? seed)
    {
        var value = Default;
        if (!string.IsNullOrWhiteSpace(spread))
        {
            var text = spread.Trim();
            if (!Decimal().IsMatch(text) || !decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s))
            {
                return (null, "spread", $"Biên độ dao động (spread) phải là một số phần trăm như 10 hoặc 7,5, không phải «{text}».");
            }
            if (s is <= 0m or >= 100m)
            {
                return (null, "spread", $"Biên độ dao động (spread) phải lớn hơn 0 và nhỏ hơn 100 (phần trăm), không phải {VnFormat.Number(s)}.");
            }
            value = value with { SpreadPercent = s };
        }

        if (!string.IsNullOrWhiteSpace(samples))
        {
            var text = samples.Trim();
            if (!Integer().IsMatch(text) || !int.TryParse(text.Replace(".", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || n < 1 || n > MaxSamples)
            {
                return (null, "samples", $"Số lần lấy mẫu (samples) phải là số nguyên từ 1 đến {VnFormat.Integer(MaxSamples)}, không phải «{text}».");
            }
            value = value with { Samples = n };
        }

        if (!string.IsNullOrWhiteSpace(seed))
        {
            var text = seed.Trim();
            if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return (null, "seed", $"Hạt giống (seed) phải là số nguyên từ 0 đến {ulong.MaxValue.ToString(CultureInfo.InvariantCulture)}, không phải «{text}».");
            }
            value = value with { Seed = n };
        }

        return (value, null, null);
    }

    /// <summary>Null when <paramref name="units"/> units analysed <see cref="Samples"/> times fit the bound, else the problem.</summary>
    public string? TooMuchWorkFor(int units)
    {
        if ((long)units * Samples <= MaxUnitSamples)
        {
            return null;
        }
        var most = Math.Max(1, MaxUnitSamples / Math.Max(1, units));
        return $"{VnFormat.Integer(units)} đơn vị × {VnFormat.Integer(Samples)} lần lấy mẫu vượt giới hạn {VnFormat.Integer(MaxUnitSamples)} "
            + $"lần chấm của một yêu cầu; hãy chọn tối đa {VnFormat.Integer(most)} lần lấy mẫu.";
    }

    [GeneratedRegex(@"^\d{1,2}([.,]\d{1,6})?$|^\d{3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Decimal();

    [GeneratedRegex(@"^(\d+|\d{1,3}(\.\d{3})+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();
}
