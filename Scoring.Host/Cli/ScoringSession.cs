using System.Collections.Immutable;
using Scoring.Rules.Loading;

namespace Scoring.Host.Cli;

/// <summary>The steps shared by score, explain and diff: read the data folder, run the pipeline, report problems and notes.</summary>
internal static class ScoringSession
{
    private const int MaxWarnings = 20;

    /// <summary>Reads <paramref name="folder"/>, typing values by the rule sets' declarations, then the vocabulary found near <paramref name="rulesPath"/>.</summary>
    public static TenantDataset LoadData(string folder, IReadOnlyList<RuleSetDocument> ruleSets, string rulesPath, CliContext context)
    {
        var catalog = IndicatorCatalog.FromRuleSets(ruleSets.Select(d => d.RuleSet));
        if (IndicatorCatalog.Locate(rulesPath) is { } vocabulary)
        {
            catalog = catalog.With(IndicatorCatalog.FromCsv(vocabulary, []));
        }

        if (!Directory.Exists(folder))
        {
            throw new CliException($"--data: không tìm thấy thư mục dữ liệu '{folder}'.");
        }

        var result = DataFolderReader.Read(folder, catalog);
        if (!result.Succeeded)
        {
            throw new CliException($"Dữ liệu trong '{folder}' có {result.Errors.Length} lỗi:", result.Errors.Select(e => e.ToString()));
        }

        foreach (var warning in result.Warnings.Take(MaxWarnings))
        {
            context.Error.WriteLine($"Cảnh báo: {warning}");
        }

        if (result.Warnings.Length > MaxWarnings)
        {
            context.Error.WriteLine($"Cảnh báo: … và {result.Warnings.Length - MaxWarnings} cảnh báo khác.");
        }

        return result.Dataset!;
    }

    /// <summary>Scores <paramref name="year"/>; problems stop the command (exit 2) with every problem listed.</summary>
    public static PipelineRun Score(ImmutableArray<RuleSetDocument> ruleSets, ScoringInput data, int year, CliContext context)
    {
        var run = new ScoringPipeline().Run(ruleSets, data, year);
        if (!run.Succeeded)
        {
            throw new CliException($"Không chấm được năm {year}:", run.Problems);
        }

        foreach (var note in run.Notes)
        {
            context.Error.WriteLine($"Ghi chú: {note}");
        }

        return run;
    }
}
