namespace Scoring.Bench.Baselines;

/// <summary>
/// Hand-written C# for the workload, the same 60 criteria in decimal: exact, about 20 times slower.
/// Rows of 39 indicators in criteria.json order (booleans 1/0) in, 60 criterion points per unit out.
/// Generated once from bench/workload/criteria.json and kept as plain code on purpose.
/// </summary>
public static class HandWrittenDecimal
{
    public const int Indicators = 39;

    public const int Criteria = 60;

    public static void Score(decimal[] v, decimal[] p, int unitCount)
    {
        for (var u = 0; u < unitCount; u++)
        {
            ScoreUnit(v, u * Indicators, p, u * Criteria);
        }
    }

    private static void ScoreUnit(decimal[] v, int o, decimal[] p, int q)
    {
        p[q + 0] = v[o + 0] >= 900m ? 10m : v[o + 0] >= 750m ? 7m : v[o + 0] >= 500m ? 4m : 0m; // B01
        p[q + 1] = v[o + 1] >= 0.9m ? 10m : v[o + 1] >= 0.7m ? 7m : v[o + 1] >= 0.5m ? 4m : 0m; // B02
        p[q + 2] = v[o + 2] >= 0.8m ? 8m : v[o + 2] >= 0.6m ? 5m : v[o + 2] >= 0.4m ? 2m : 0m; // B03
        p[q + 3] = v[o + 3] >= 0.7m ? 6m : v[o + 3] >= 0.5m ? 4m : v[o + 3] >= 0.3m ? 2m : 0m; // B04
        p[q + 4] = v[o + 4] >= 0.95m ? 8m : v[o + 4] >= 0.8m ? 5m : v[o + 4] >= 0.6m ? 3m : v[o + 4] >= 0.4m ? 1m : 0m; // B05
        p[q + 5] = v[o + 5] >= 0.98m ? 5m : v[o + 5] >= 0.9m ? 3m : v[o + 5] >= 0.8m ? 1m : 0m; // B06
        p[q + 6] = v[o + 6] >= 0.85m ? 4m : v[o + 6] >= 0.7m ? 2m : 0m; // B07
        p[q + 7] = v[o + 7] >= 0.6m ? 5m : v[o + 7] >= 0.4m ? 3m : v[o + 7] >= 0.2m ? 1m : 0m; // B08
        p[q + 8] = v[o + 8] >= 90m ? 8m : v[o + 8] >= 80m ? 6m : v[o + 8] >= 70m ? 4m : v[o + 8] >= 60m ? 2m : 0m; // B09
        p[q + 9] = v[o + 9] <= 2m ? 6m : v[o + 9] <= 5m ? 4m : v[o + 9] <= 10m ? 2m : 0m; // B10
        p[q + 10] = v[o + 15] >= 10m ? 6m : v[o + 15] >= 5m ? 4m : v[o + 15] >= 2m ? 2m : 0m; // B11
        p[q + 11] = v[o + 16] <= 0m ? 5m : v[o + 16] <= 2m ? 3m : v[o + 16] <= 5m ? 1m : 0m; // B12
        p[q + 12] = v[o + 21] >= 20m ? 5m : v[o + 21] >= 10m ? 3m : v[o + 21] >= 3m ? 1m : 0m; // B13
        p[q + 13] = v[o + 22] >= 12m ? 4m : v[o + 22] >= 6m ? 2m : v[o + 22] >= 2m ? 1m : 0m; // B14
        p[q + 14] = v[o + 23] >= 50m ? 3m : v[o + 23] >= 20m ? 2m : v[o + 23] >= 5m ? 1m : 0m; // B15
        p[q + 15] = v[o + 11] >= 30m ? 3m : v[o + 11] >= 20m ? 2m : v[o + 11] >= 10m ? 1m : 0m; // B16
        p[q + 16] = v[o + 13] >= 20m ? 3m : v[o + 13] >= 10m ? 2m : v[o + 13] >= 5m ? 1m : 0m; // B17
        p[q + 17] = v[o + 19] >= 5000m ? 4m : v[o + 19] >= 2000m ? 3m : v[o + 19] >= 500m ? 1m : 0m; // B18
        p[q + 18] = v[o + 17] >= 2000m ? 4m : v[o + 17] >= 1000m ? 2m : v[o + 17] >= 300m ? 1m : 0m; // B19
        p[q + 19] = v[o + 14] >= 5000m ? 5m : v[o + 14] >= 2000m ? 3m : v[o + 14] >= 500m ? 1m : 0m; // B20
        p[q + 20] = Math.Min(v[o + 0] / 1000m, 1m) * 10m; // L01
        p[q + 21] = Math.Min(v[o + 1] / 1m, 1m) * 5m; // L02
        p[q + 22] = Math.Min(v[o + 2] / 0.9m, 1m) * 5m; // L03
        p[q + 23] = Math.Min(v[o + 3] / 0.8m, 1m) * 5m; // L04
        p[q + 24] = Math.Min(v[o + 4] / 1m, 1m) * 6m; // L05
        p[q + 25] = Math.Min(v[o + 5] / 1m, 1m) * 4m; // L06
        p[q + 26] = Math.Min(v[o + 6] / 0.9m, 1m) * 3m; // L07
        p[q + 27] = Math.Min(v[o + 7] / 0.7m, 1m) * 4m; // L08
        p[q + 28] = Math.Min(v[o + 8] / 100m, 1m) * 6m; // L09
        p[q + 29] = Math.Min(v[o + 14] / 10000m, 1m) * 5m; // L10
        p[q + 30] = Math.Min(v[o + 15] / 15m, 1m) * 4m; // L11
        p[q + 31] = Math.Min(v[o + 21] / 25m, 1m) * 3m; // L12
        p[q + 32] = Math.Min(v[o + 22] / 12m, 1m) * 3m; // L13
        p[q + 33] = Math.Min(v[o + 23] / 80m, 1m) * 3m; // L14
        p[q + 34] = Math.Min(v[o + 12] / 40m, 1m) * 4m; // L15
        p[q + 35] = v[o + 24] != 0m ? 3m : 0m; // X01
        p[q + 36] = v[o + 25] != 0m ? 4m : 0m; // X02
        p[q + 37] = v[o + 26] != 0m ? 2m : 0m; // X03
        p[q + 38] = v[o + 27] != 0m ? 3m : 0m; // X04
        p[q + 39] = v[o + 28] != 0m ? 2m : 0m; // X05
        p[q + 40] = v[o + 29] != 0m ? 2m : 0m; // X06
        p[q + 41] = v[o + 30] != 0m ? 3m : 0m; // X07
        p[q + 42] = v[o + 31] != 0m ? 2m : 0m; // X08
        p[q + 43] = v[o + 32] != 0m ? 3m : 0m; // X09
        p[q + 44] = v[o + 33] != 0m ? 1m : 0m; // X10
        // R01
        if (v[o + 11] > 0m) { decimal r = v[o + 12] / v[o + 11]; p[q + 45] = r >= 0.9m ? 6m : r >= 0.7m ? 4m : r >= 0.5m ? 2m : 0m; } else p[q + 45] = 0m;
        // R02
        if (v[o + 19] > 0m) { decimal r = v[o + 20] / v[o + 19]; p[q + 46] = r >= 0.98m ? 8m : r >= 0.9m ? 5m : r >= 0.8m ? 2m : 0m; } else p[q + 46] = 0m;
        // R03
        if (v[o + 17] > 0m) { decimal r = v[o + 18] / v[o + 17]; p[q + 47] = r >= 0.95m ? 5m : r >= 0.8m ? 3m : r >= 0.6m ? 1m : 0m; } else p[q + 47] = 0m;
        // R04
        if (v[o + 11] > 0m) { decimal r = v[o + 13] / v[o + 11]; p[q + 48] = r >= 0.8m ? 4m : r >= 0.5m ? 2m : 0m; } else p[q + 48] = 0m;
        // R05
        if (v[o + 11] > 0m) { decimal r = v[o + 16] / v[o + 11]; p[q + 49] = r <= 0.05m ? 4m : r <= 0.15m ? 2m : 0m; } else p[q + 49] = 0m;
        p[q + 50] = v[o + 10] > 0m ? Math.Min(v[o + 14] / v[o + 10] / 0.2m, 1m) * 6m : 0m; // R06
        p[q + 51] = v[o + 10] > 0m ? Math.Min(v[o + 15] / v[o + 10] / 0.0005m, 1m) * 4m : 0m; // R07
        p[q + 52] = v[o + 10] > 0m ? Math.Min(v[o + 19] / v[o + 10] / 0.2m, 1m) * 3m : 0m; // R08
        p[q + 53] = v[o + 10] > 0m ? Math.Min(v[o + 17] / v[o + 10] / 0.05m, 1m) * 3m : 0m; // R09
        p[q + 54] = v[o + 1] > 0m ? Math.Min(v[o + 2] / v[o + 1] / 0.8m, 1m) * 4m : 0m; // R10
        p[q + 55] = Math.Max(5m - Math.Max(v[o + 34] - 31m, 0m) * 0.5m, 0m); // D01
        p[q + 56] = Math.Max(5m - Math.Max(v[o + 35] - 350m, 0m) * 0.25m, 0m); // D02
        p[q + 57] = Math.Max(4m - Math.Max(v[o + 36] - 300m, 0m) * 0.2m, 0m); // D03
        p[q + 58] = Math.Max(3m - Math.Max(v[o + 37] - 90m, 0m) * 0.1m, 0m); // D04
        p[q + 59] = Math.Max(4m - Math.Max(v[o + 38] - 180m, 0m) * 0.5m, 0m); // D05
    }
}
