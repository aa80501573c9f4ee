
namespace Scoring.Host.Tests.Cli;

/// <summary>Runs the command line in-process, capturing both streams.</summary>
internal static class CliRunner
{
    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CommandLine.RunAsync(args, output, error).GetAwaiter().GetResult();
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>score/explain arguments for the example rule set and the vi-du fixture (or another data folder).</summary>
    public static string[] With(string verb, string? data = null, string year = "2025", params string[] extra) =>
        [verb, "--rules", TestPaths.ExampleRuleSet, "--data", data ?? TestPaths.ViDuData, "--year", year, .. extra];
}
