namespace Scoring.Catalog.Tests.Golden;

/// <summary>
/// The expectations of docs/golden/*.md, one group per tenant, scored in 2025. Each number was worked out from the
/// sample values and the rule set by hand (criterion by criterion, rounded to 2 decimals away from zero; see the docs
/// for every line of arithmetic), not by running the engine.
/// </summary>
internal static class GoldenCases
{
    public static IEnumerable<GoldenCase> All()
    {
        // Sơn La, khối văn hóa – xã hội (docs/golden/son-la.md). Only the yearly Giấy khen applies in 2025:
        // total ≥ 80 and grade xuất sắc or tốt, 3 per group.
        yield return new GoldenCase("son-la", 2025, "SL-K02", "son-la.dmst-cds.so-ban-nganh",
        [
            new("SL-D09", 1, 89.76m, "tot", "giay-khen"),        // 79.76 + bonus 11 capped at 10
            new("SL-D08", 2, 82.19m, "tot", "giay-khen"),        // 80.19 + 2
            new("SL-D07", 3, 66.81m, "hoan-thanh", null),        // 64.81 + 2; no DTI row
            new("SL-D10", 4, 58.57m, "hoan-thanh", null),        // 61.57 + 2 − 5 (one incident)
        ],
        [
            new("SL-D08", "I.4", 5m, "2025-11-10T16:50:00Z is 23:50 local on 10/11: on time"),
            new("SL-D10", "I.4", 4m, "2025-11-10T17:20:00Z is 00:20 local on 11/11: 5 − 1 day"),
            new("SL-D07", "II.1", 0m, "no DTI row: missing scores 0"),
            new("SL-D07", "I.1", 3m, "plan on 2/7/2025, due 30/6: 4 − 1 started week"),
            new("SL-D10", "IV.2", 2.81m, "6 × 46.75 / 100 = 2.805, rounded away from zero"),
            new("SL-D09", "bonus", 10m, "4 + 5 + 2 = 11, capped at 10"),
            new("SL-D10", "penalty", 5m, "1 incident × 5"),
        ]);

        // Gia Lai, khối kinh tế (docs/golden/gia-lai.md): the merged GL-D07 is scored but gets no award; the provincial
        // flag goes to the leader (≥ 90, xuất sắc, xuất sắc in 2024), then Giấy khen (≥ 80, tốt or better).
        yield return new GoldenCase("gia-lai", 2025, "GL-K01", "gia-lai.dmst-cds.so-ban-nganh",
        [
            new("GL-D06", 1, 92.14m, "xuat-sac", "co-thi-dua-tinh"),
            new("GL-D03", 2, 88.87m, "tot", "giay-khen"),
            new("GL-D04", 3, 84.91m, "tot", "giay-khen"),
            new("GL-D05", 4, 74.99m, "hoan-thanh", null),        // one hundredth under "tốt"
            new("GL-D02", 5, 66.68m, "hoan-thanh", null),
            new("GL-D07", 6, 60.23m, "hoan-thanh", null),        // dissolved 30/6/2025
            new("GL-D01", 7, 44.35m, "khong-hoan-thanh", null),
        ],
        [
            new("GL-D06", "I.4", 4m, "2025-11-30T17:20:00Z is 00:20 local on 1/12, due 30/11: 5 − 1 day"),
            new("GL-D01", "II.4", 0m, "no online-application row"),
            new("GL-D02", "I.1", 3m, "plan on 5/9/2025, due 31/8: 4 − 1 started week"),
            new("GL-D07", "I.4", 5m, "reported on 28/6/2025, before it closed"),
        ]);

        // Lai Châu, khối Mặt trận và các đoàn thể (docs/golden/lai-chau.md): residents mobilised with the "Điều 6" formula.
        yield return new GoldenCase("lai-chau", 2025, "LC-K03", "lai-chau.dmst-cds.mttq-doan-the",
        [
            new("LC-F02", 1, 84.40m, "tot", "giay-khen"),
            new("LC-F01", 2, 78.00m, "tot", null),               // tốt but under 80
            new("LC-F04", 3, 69.20m, "hoan-thanh", null),
            new("LC-F05", 4, 66.81m, "hoan-thanh", null),
            new("LC-F06", 5, 52.61m, "hoan-thanh", null),
            new("LC-F03", 6, 48.20m, "khong-hoan-thanh", null),  // discipline −10
        ],
        [
            new("LC-F02", "II.2", 15m, "44723 / 38002 = 1.1769, the group's best ratio"),
            new("LC-F01", "II.2", 13.43m, "7.5 + 7.5 × (33859/29703 − 1) / (1.1769 − 1) ≈ 13.4335"),
            new("LC-F03", "II.2", 6.79m, "7.5 × 17563 / 19406 ≈ 6.7877"),
            new("LC-F02", "II.1", 12.36m, "65671 / 132872 / 0.8 × 20 ≈ 12.3561"),
            new("LC-F05", "II.3", 6m, "10 × 59.95 / 100 = 5.995, rounded away from zero"),
            new("LC-F06", "I.4", 2m, "reported 4/12, due 1/12: 5 − 3 days"),
            new("LC-F03", "penalty", 10m, "discipline"),
        ]);

        // Ia Băng, khối doanh nghiệp và hợp tác xã (docs/golden/ia-bang.md): the merged IB-E90 ranks second and is
        // skipped; the Giấy khen of the commune chairman goes to ranks 1, 3 and 4 (3 per group).
        yield return new GoldenCase("ia-bang", 2025, "IB-K03", "ia-bang.dmst-cds.doanh-nghiep",
        [
            new("IB-E07", 1, 91.89m, "xuat-sac", "giay-khen-chu-tich-xa"),
            new("IB-E90", 2, 88.63m, "tot", null),               // merged 31/10/2025
            new("IB-E03", 3, 83.98m, "tot", "giay-khen-chu-tich-xa"),
            new("IB-E08", 4, 83.53m, "tot", "giay-khen-chu-tich-xa"),
            new("IB-E01", 5, 82.24m, "tot", null),               // quota of 3 reached
            new("IB-E09", 6, 81.41m, "tot", null),
            new("IB-E06", 7, 78.83m, "tot", null),
            new("IB-E04", 8, 78.00m, "tot", null),
            new("IB-E10", 9, 67.45m, "hoan-thanh", null),
            new("IB-E02", 10, 66.65m, "hoan-thanh", null),
            new("IB-E11", 11, 62.33m, "hoan-thanh", null),
            new("IB-E05", 12, 58.81m, "hoan-thanh", null),
        ],
        [
            new("IB-E05", "I.3", 5m, "2025-11-15T16:50:00Z is 23:50 local on 15/11: on time"),
            new("IB-E06", "I.3", 4m, "2025-11-15T17:20:00Z is 00:20 local on 16/11: 5 − 1 day"),
            new("IB-E90", "III.3", 7.63m, "10 × 61 / 80 = 7.625, rounded away from zero"),
        ]);
    }
}
