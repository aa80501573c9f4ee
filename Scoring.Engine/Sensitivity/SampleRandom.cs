namespace Scoring.Engine.Sensitivity;

/// <summary>
/// SplitMix64, the analysis's own generator: sample <c>i</c> of seed <c>s</c> draws the same numbers on every machine
/// and in any thread order (no shared <see cref="System.Random"/>, whose algorithm is not specified across versions).
/// </summary>
internal struct SampleRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private ulong state;

    public SampleRandom(ulong seed, int sample)
    {
        state = Mix(seed ^ Mix(((ulong)sample + 1) * Golden));
    }

    public ulong Next()
    {
        state += Golden;
        return Mix(state);
    }

    /// <summary>A factor uniform in [1 − spread, 1 + spread), kept to 6 decimals.</summary>
    public decimal Factor(decimal spread)
    {
        var unit = (decimal)(Next() >> 11) / 9_007_199_254_740_992m; // 53 bits → [0, 1)
        return Math.Round(1m + (spread * ((2m * unit) - 1m)), 6, MidpointRounding.AwayFromZero);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
