namespace Scoring.Host.Tests.Cli;

/// <summary>`verify`: re-scoring from the inputs gives the stored result byte for byte, and a changed byte is found and located.</summary>
public sealed class VerifyVerbTests
{
    [Test]
    public void A_result_written_by_score_verifies_identical()
    {
        using var folder = new TempFolder(TestPaths.ViDuData);
        var result = folder.File("result.json");
        Assert.That(CliRunner.Run(CliRunner.With("score", extra: ["--format", "json", "--out", result])).Exit, Is.EqualTo(0));

        var verify = CliRunner.Run(CliRunner.With("verify", extra: ["--result", result]));

        Assert.That(verify.Exit, Is.EqualTo(0), verify.ToString());
        Assert.That(verify.Out, Does.StartWith("Trùng khớp từng byte"));
    }

    [Test]
    public void One_changed_point_is_reported_with_its_line_and_exit_1()
    {
        using var folder = new TempFolder(TestPaths.ViDuData);
        var result = folder.File("result.json");
        Assert.That(CliRunner.Run(CliRunner.With("score", extra: ["--format", "json", "--out", result])).Exit, Is.EqualTo(0));
        var lines = File.ReadAllLines(result);
        var at = Array.FindIndex(lines, l => l.TrimStart().StartsWith("\"total\":", StringComparison.Ordinal));
        lines[at] = lines[at].Replace("\"total\": ", "\"total\": 1", StringComparison.Ordinal);
        File.WriteAllText(result, string.Join("\n", lines) + "\n");

        var verify = CliRunner.Run(CliRunner.With("verify", extra: ["--result", result]));

        Assert.That(verify.Exit, Is.EqualTo(1), verify.ToString());
        Assert.That(verify.Out, Does.Contain($"Không trùng khớp: dòng {at + 1}, cột"));
        Assert.That(verify.Out, Does.Contain("\"total\": 1"));
    }

    [Test]
    public void A_missing_result_file_is_bad_input_with_a_hint()
    {
        var verify = CliRunner.Run(CliRunner.With("verify", extra: ["--result", "/nonexistent/result.json"]));

        Assert.That(verify.Exit, Is.EqualTo(2), verify.ToString());
        Assert.That(verify.Err, Does.Contain("--result").And.Contain("score --format json"));
    }

    [TestCase("ia-bang")]
    [TestCase("son-la")]
    [TestCase("lai-chau")]
    [TestCase("gia-lai")]
    public void Every_sample_tenant_verifies_identical(string tenant)
    {
        using var folder = new TempFolder();
        var result = folder.File("result.json");
        string[] inputs = ["--rules", Path.Combine(TestPaths.RepoRoot, "rules-catalog", tenant), "--data", Path.Combine(TestPaths.RepoRoot, "samples", tenant), "--year", "2025"];
        var score = CliRunner.Run(["score", .. inputs, "--format", "json", "--out", result]);
        Assert.That(score.Exit, Is.EqualTo(0), score.ToString());

        var verify = CliRunner.Run(["verify", .. inputs, "--result", result]);

        Assert.That(verify.Exit, Is.EqualTo(0), verify.ToString());
    }
}
