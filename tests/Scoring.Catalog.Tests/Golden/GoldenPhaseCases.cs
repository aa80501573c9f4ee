namespace Scoring.Catalog.Tests.Golden;

/// <summary>
/// The expectations of docs/golden/phase-2025-2027.md: each group's 2025–2027 phase ranking and phase awards, worked out
/// by hand from the yearly results (mean rounded to 2 decimals away from zero, years graded xuất sắc, initiatives
/// summed, ranked by the three, award standards and quotas), not copied from the engine. A service test of the
/// review run can assert the same cases.
/// </summary>
internal static class GoldenPhaseCases
{
    public static IEnumerable<GoldenPhaseCase> All()
    {
        // Gia Lai, khối kinh tế: three departments meet the sơ kết Bằng khen's standard and take the quota of 3.
        yield return new GoldenPhaseCase("gia-lai", "GL-K01", "gia-lai.dmst-cds.so-ban-nganh", "2.3.0",
        [
            new("GL-D06", 1, 100.79m, 3, 8, "xuat-sac", "bang-khen-chu-tich-so-ket"),
            new("GL-D03", 2, 93.91m, 2, 6, "xuat-sac", "bang-khen-chu-tich-so-ket"),
            new("GL-D04", 3, 90.9m, 2, 8, "xuat-sac", "bang-khen-chu-tich-so-ket"),
            new("GL-D05", 4, 83.35m, 0, 5, "tot", null),
            new("GL-D02", 5, 74.34m, 0, 0, "hoan-thanh", null),
            new("GL-D01", 6, 66.26m, 0, 0, "hoan-thanh", null),
        ]);

        // Sơn La, khối văn hóa – xã hội: only SL-D09's phase mean reaches xuất sắc.
        yield return new GoldenPhaseCase("son-la", "SL-K02", "son-la.dmst-cds.so-ban-nganh", "2.3.0",
        [
            new("SL-D09", 1, 100.65m, 2, 7, "xuat-sac", "bang-khen-chu-tich"),
            new("SL-D08", 2, 86.4m, 0, 5, "tot", null),
            new("SL-D07", 3, 79.4m, 0, 5, "tot", null),
            new("SL-D10", 4, 70.54m, 0, 3, "hoan-thanh", null),
        ]);

        // Lai Châu, khối Mặt trận và các đoàn thể: LC-F02 alone.
        yield return new GoldenPhaseCase("lai-chau", "LC-K03", "lai-chau.dmst-cds.mttq-doan-the", "2.3.0",
        [
            new("LC-F02", 1, 93.05m, 2, 8, "xuat-sac", "bang-khen-chu-tich-so-ket"),
            new("LC-F01", 2, 84.45m, 0, 4, "tot", null),
            new("LC-F04", 3, 77.85m, 0, 5, "tot", null),
            new("LC-F05", 4, 76.91m, 0, 3, "tot", null),
            new("LC-F03", 5, 66.74m, 0, 1, "hoan-thanh", null),
            new("LC-F06", 6, 62.9m, 0, 3, "hoan-thanh", null),
        ]);

        // Ia Băng, khối doanh nghiệp: the proposal to the provincial chairman, 1 per group, goes to the leader.
        yield return new GoldenPhaseCase("ia-bang", "IB-K03", "ia-bang.dmst-cds.doanh-nghiep", "2.2.0",
        [
            new("IB-E07", 1, 98.08m, 3, 9, "xuat-sac", "de-nghi-bang-khen-chu-tich-tinh"),
            new("IB-E01", 2, 92.77m, 2, 6, "xuat-sac", null),
            new("IB-E08", 3, 90m, 2, 8, "xuat-sac", null),
            new("IB-E09", 4, 87.94m, 1, 8, "tot", null),
            new("IB-E03", 5, 86.29m, 1, 8, "tot", null),
            new("IB-E04", 6, 85.11m, 1, 5, "tot", null),
            new("IB-E06", 7, 84.56m, 0, 5, "tot", null),
            new("IB-E10", 8, 77.59m, 0, 5, "tot", null),
            new("IB-E02", 9, 71.33m, 0, 3, "hoan-thanh", null),
            new("IB-E05", 10, 65.17m, 0, 4, "hoan-thanh", null),
            new("IB-E11", 11, 62.3m, 0, 3, "hoan-thanh", null),
        ]);
    }
}
