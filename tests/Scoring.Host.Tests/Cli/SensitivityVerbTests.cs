using System.Text.Json;

namespace Scoring.Host.Tests.Cli;

/// <summary>`sensitivity`: the seeded analysis of a year, as a Vietnamese table or JSON; the same seed gives the same bytes.</summary>
public sealed class SensitivityVerbTests
{
    [Test]
    public void The_same_seed_gives_the_same_json_and_every_ranked_unit_is_in_it()
    {
        string[] args = [.. CliRunner.With("sensitivity", extra: ["--samples", "200", "--seed", "42", "--format", "json"])];

        var first = CliRunner.Run(args);
        var again = CliRunner.Run(args);

        Assert.That(first.Exit, Is.EqualTo(0), first.ToString());
        Assert.That(again.Out, Is.EqualTo(first.Out));
        using var json = JsonDocument.Parse(first.Out);
        Assert.That(json.RootElement.GetProperty("samples").GetInt32(), Is.EqualTo(200));
        Assert.That(json.RootElement.GetProperty("seed").GetUInt64(), Is.EqualTo(42UL));
        var units = json.RootElement.GetProperty("ruleSets").EnumerateArray()
            .SelectMany(r => r.GetProperty("groups").EnumerateArray())
            .SelectMany(g => g.GetProperty("units").EnumerateArray())
            .ToList();
        Assert.That(units.Select(u => u.GetProperty("code").GetString()), Does.Contain("XA01").And.Contain("XA07"));
        Assert.That(units.Select(u => u.GetProperty("rankKept").GetInt32()), Has.All.InRange(0, 200));
        Assert.That(units, Has.All.Matches<JsonElement>(u =>
            u.GetProperty("bestRank").GetInt32() <= u.GetProperty("rank").GetInt32() && u.GetProperty("rank").GetInt32() <= u.GetProperty("worstRank").GetInt32()));
    }

    [Test]
    public void The_table_is_in_Vietnamese_with_each_cluster_and_its_leader()
    {
        var result = CliRunner.Run(CliRunner.With("sensitivity", extra: ["--samples", "100", "--spread", "7,5"]));

        Assert.That(result.Exit, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("100 lần lấy mẫu; điểm và ngưỡng của mỗi tiêu chí dao động trong ±7,5%; hạt giống 1"));
        Assert.That(result.Out, Does.Contain("C1 – Cụm thi đua số 1: XA01 dẫn đầu trong"));
        Assert.That(result.Out, Does.Contain("Giữ hạng").And.Contain("Giữ khen thưởng"));
    }

    [TestCase("--spread", "0", "--spread phải là phần trăm lớn hơn 0")]
    [TestCase("--samples", "0", "--samples phải là số nguyên từ 1 đến 100.000")]
    [TestCase("--seed", "-3", "--seed phải là số nguyên không âm")]
    [TestCase("--format", "csv", "--format phải là một trong: table, json")]
    public void Bad_options_are_refused_with_exit_2_and_the_reason(string option, string value, string message)
    {
        var result = CliRunner.Run(CliRunner.With("sensitivity", extra: [option, value]));

        Assert.That(result.Exit, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Does.Contain(message));
    }
}
