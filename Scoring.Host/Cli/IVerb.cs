namespace Scoring.Host.Cli;

/// <summary>A command-line verb: its spec (for parsing and --help) and how it runs. Throws <see cref="CliException"/> on bad input.</summary>
internal interface IVerb
{
    VerbSpec Spec { get; }

    Task<int> RunAsync(ParsedArguments args, CliContext context);
}
