namespace Scoring.Engine.Sensitivity;

/// <summary>
/// How a rank-sensitivity analysis samples: <see cref="Samples"/> draws, each moving every criterion's points and its
/// thresholds by an independent factor in [1 − spread, 1 + spread] (<see cref="SpreadPercent"/> is the ± in percent),
/// from a generator seeded with <see cref="Seed"/>: the same options give the same report.
/// </summary>
public sealed record SensitivityOptions(int Samples = 1000, decimal SpreadPercent = 10m, ulong Seed = 1)
{
    /// <summary>The most samples one analysis takes (a request is scored once per sample).</summary>
    public const int MaxSamples = 100_000;

    internal void Check()
    {
        if (Samples is < 1 or > MaxSamples)
        {
            throw new ArgumentException($"Số lần lấy mẫu phải từ 1 đến {MaxSamples:N0}, không phải {Samples}.", nameof(Samples));
        }
        if (SpreadPercent is <= 0m or >= 100m)
        {
            throw new ArgumentException($"Biên độ dao động phải lớn hơn 0% và nhỏ hơn 100%, không phải {SpreadPercent}%.", nameof(SpreadPercent));
        }
    }
}
