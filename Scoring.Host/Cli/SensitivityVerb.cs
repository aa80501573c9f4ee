using System.Globalization;
using Scoring.Engine.Sensitivity;

namespace Scoring.Host.Cli;

/// <summary>
/// `sensitivity --rules &lt;folder&gt; --data &lt;folder&gt; --year &lt;yyyy&gt; [--spread 10] [--samples 1000] [--seed &lt;n&gt;]
/// [--format table|json] [--out &lt;file&gt;]`: scores the year as `score` does, then the seeded rank-sensitivity analysis.
/// </summary>
internal sealed class SensitivityVerb : IVerb
{
    private static readonly string[] Formats = ["table", "json"];

    public VerbSpec Spec { get; } = new(
        "sensitivity",
        "sensitivity --rules <thư mục> --data <thư mục> --year <yyyy> [--spread 10] [--samples 1000] [--seed <n>] [--format table|json] [--out <tệp>]",
        "Phân tích độ nhạy: cho điểm và ngưỡng của từng tiêu chí dao động ngẫu nhiên (có hạt giống) trong ±spread%, chấm lại nhiều lần và cho biết "
            + "xác suất mỗi đơn vị giữ hạng, giữ khen thưởng và tiêu chí hay làm đổi đơn vị dẫn đầu cụm/khối.",
        [
            new("--rules", "thư mục", "thư mục (hoặc tệp) bộ tiêu chí *.rules.json"),
            new("--data", "thư mục", "thư mục dữ liệu"),
            new("--year", "yyyy", "năm chấm điểm"),
            new("--spread", "phần trăm", "biên độ dao động ± của điểm và ngưỡng, phần trăm (mặc định 10)"),
            new("--samples", "số lần", "số lần lấy mẫu (mặc định 1000)"),
            new("--seed", "n", "hạt giống của bộ sinh số ngẫu nhiên, số nguyên không âm (mặc định 1): cùng hạt giống cho cùng kết quả"),
            new("--format", "định dạng", "table (mặc định) hoặc json"),
            new("--out", "tệp", "ghi ra tệp thay vì màn hình"),
        ],
        0,
        0);

    public Task<int> RunAsync(ParsedArguments args, CliContext context)
    {
        var rulesPath = args.Require("--rules");
        var dataPath = args.Require("--data");
        var year = args.RequireYear();
        var format = args.Get("--format") ?? "table";
        if (!Formats.Contains(format))
        {
            throw new CliException($"--format phải là một trong: {string.Join(", ", Formats)} (không phải '{format}').");
        }
        var options = new SensitivityOptions(
            Samples: Integer(args, "--samples", 1000, 1, SensitivityOptions.MaxSamples),
            SpreadPercent: Spread(args),
            Seed: args.Get("--seed") is { } seed
                ? ulong.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new CliException($"--seed phải là số nguyên không âm, không phải '{seed}'.")
                : 1UL);

        var ruleSets = RuleSetInputs.Load(rulesPath, "--rules");
        var data = ScoringSession.LoadData(dataPath, ruleSets, rulesPath, context);
        var run = ScoringSession.Score(ruleSets, data.Input, year, context);
        var report = SensitivityAnalyzer.Analyze([.. run.Runs.Select(r => r.Request)], options);
        var output = args.Get("--out");
        if (format == "json")
        {
            OutputTarget.WriteText(output, context, writer => writer.Write(Sensitivity.SensitivityJson.Write(report)));
        }
        else
        {
            OutputTarget.WriteText(output, context, writer => Sensitivity.SensitivityText.Write(report, [.. run.Runs.Select(r => r.Document.RuleSet)], data.Tenant.Name, writer));
        }
        return Task.FromResult(ExitCodes.Ok);
    }

    private static int Integer(ParsedArguments args, string option, int fallback, int min, int max)
    {
        if (args.Get(option) is not { } text)
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new CliException($"{option} phải là số nguyên từ {min} đến {max.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))}, không phải '{text}'.");
    }

    private static decimal Spread(ParsedArguments args)
    {
        if (args.Get("--spread") is not { } text)
        {
            return 10m;
        }
        return decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0m && value < 100m
            ? value
            : throw new CliException($"--spread phải là phần trăm lớn hơn 0 và nhỏ hơn 100 (ví dụ 10 hoặc 7,5), không phải '{text}'.");
    }
}
