namespace Scoring.Host.Tests.Cli;

public sealed class ExplainVerbTests
{
    [Test]
    public void The_card_shows_rank_total_grade_award_and_each_criterion_with_values_and_reason()
    {
        var result = CliRunner.Run(CliRunner.With("explain", extra: ["--unit", "XA01"]));

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        var lines = result.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.That(lines[0], Is.EqualTo("Phiếu chấm điểm năm 2025: XA01 – Xã Ia Băng"));
        Assert.That(lines, Does.Contain("Cụm: C1 – Cụm thi đua số 1"));
        Assert.That(lines, Does.Contain("Hạng: 1 trên 4"));
        Assert.That(lines, Does.Contain("Tổng điểm: 105 (các mục 99 + thưởng 6 − trừ 0)"));
        Assert.That(lines, Does.Contain("Xếp loại: Hoàn thành xuất sắc nhiệm vụ"));
        Assert.That(lines, Does.Contain("Đề nghị khen thưởng: Cờ thi đua của UBND tỉnh"));
        Assert.That(lines, Does.Contain("I. Chuyển đổi số và dịch vụ công trực tuyến: 60/60 điểm"));

        // The report was sent at 2025-11-10T17:30:00Z = 00:30 on 11 November in Hồ Chí Minh: one day late, 14/15.
        var deadline = lines.IndexOf("  II.3 Gửi báo cáo năm đúng hạn (trước 10/11): 14/15");
        Assert.That(deadline, Is.GreaterThan(0), result.Out);
        Assert.That(lines[deadline + 1], Does.Contain("Ngày gửi báo cáo năm = 11/11/2025"));
        Assert.That(lines[deadline + 2], Does.StartWith("      Lý do: ").And.Contain("trễ 1 ngày"));
    }

    [Test]
    public void A_unit_that_did_not_submit_gets_a_reason_for_zero_points()
    {
        var result = CliRunner.Run(CliRunner.With("explain", extra: ["--unit", "XA04"]));

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        var lines = result.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var drill = lines.FindIndex(l => l.StartsWith("  II.2 ", StringComparison.Ordinal));
        Assert.That(lines[drill], Does.EndWith(": 0/10"));
        Assert.That(lines[drill + 1], Does.Contain("Đã diễn tập an toàn thông tin = (chưa có)"));
    }

    [Test]
    public void The_history_of_a_merged_unit_counts_for_its_successor()
    {
        // XA01 was "tot" in 2024 but took over XA05, which was "xuat-sac": the flag needs "xuat-sac" the year before.
        using var folder = new TempFolder(TestPaths.ViDuData);
        var withMerger = CliRunner.Run(CliRunner.With("explain", folder.Path, extra: ["--unit", "XA01"]));
        folder.Write("history.csv", "unit,year,grade,award\nXA01,2024,tot,\n");
        var without = CliRunner.Run(CliRunner.With("explain", folder.Path, extra: ["--unit", "XA01"]));

        Assert.That(withMerger.Out, Does.Contain("Đề nghị khen thưởng: Cờ thi đua của UBND tỉnh"));
        Assert.That(without.Exit, Is.EqualTo(0), without.ToString());
        Assert.That(without.Out, Does.Not.Contain("Đề nghị khen thưởng: Cờ thi đua của UBND tỉnh"));
    }

    [Test]
    public void An_unknown_unit_is_a_clear_error()
    {
        var result = CliRunner.Run(CliRunner.With("explain", extra: ["--unit", "xa0"]));

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("--unit: không có đơn vị 'xa0' trong units.csv (có thể là: XA01, XA02"));
    }

    [Test]
    public void A_unit_outside_every_group_is_explained()
    {
        using var folder = new TempFolder(TestPaths.ViDuData);
        File.AppendAllText(folder.File("units.csv"), "XA08,Xã Mới,locality,2025-07-01,,\r\n");

        var result = CliRunner.Run(CliRunner.With("explain", folder.Path, extra: ["--unit", "XA08"]));

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Err, Does.Contain("Đơn vị XA08 (Xã Mới) không thuộc cụm/khối nào năm 2025 nên không được chấm."));
    }
}
