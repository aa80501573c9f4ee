
namespace Scoring.Host.Cli;

/// <summary>`explain --rules &lt;folder&gt; --data &lt;folder&gt; --year &lt;yyyy&gt; --unit &lt;code&gt;`: one unit's card.</summary>
internal sealed class ExplainVerb : IVerb
{
    public VerbSpec Spec { get; } = new(
        "explain",
        "explain --rules <thư mục> --data <thư mục> --year <yyyy> --unit <mã>",
        "Phiếu chấm điểm của một đơn vị: từng tiêu chí, số liệu đã dùng, điểm và lý do.",
        [
            new("--rules", "thư mục", "thư mục (hoặc tệp) bộ tiêu chí *.rules.json"),
            new("--data", "thư mục", "thư mục dữ liệu của một tỉnh/xã (xem docs/data.md)"),
            new("--year", "yyyy", "năm chấm điểm, ví dụ 2025"),
            new("--unit", "mã", "mã đơn vị trong units.csv"),
        ],
        0,
        0);

    public Task<int> RunAsync(ParsedArguments args, CliContext context)
    {
        var rulesPath = args.Require("--rules");
        var dataPath = args.Require("--data");
        var year = args.RequireYear();
        var code = args.Require("--unit");
        var ruleSets = RuleSetInputs.Load(rulesPath, "--rules");
        var data = ScoringSession.LoadData(dataPath, ruleSets, rulesPath, context);
        if (!data.Units.ContainsKey(code))
        {
            var similar = data.Units.Keys.Where(k => k.Contains(code, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).Take(5).ToList();
            throw new CliException($"--unit: không có đơn vị '{code}' trong units.csv"
                                   + (similar.Count > 0 ? $" (có thể là: {string.Join(", ", similar)})." : "."));
        }

        var run = ScoringSession.Score(ruleSets, data.Input, year, context);
        var found = run.Units.FirstOrDefault(u => u.Unit.Code == code);
        if (found.Unit is null)
        {
            throw new CliException($"Đơn vị {code} ({data.Units[code].Name}) không thuộc cụm/khối nào năm {year} nên không được chấm.");
        }

        var input = new ExportInput(found.Run.Result, found.Run.Document.RuleSet, found.Run.InputsHash);
        UnitCardWriter.Write(input, found.Group, found.Unit, context.Output);
        return Task.FromResult(ExitCodes.Ok);
    }
}
