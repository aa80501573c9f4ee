namespace Scoring.Host.Cli;

/// <summary>Where a verb writes: results to <see cref="Output"/>, diagnostics, warnings and notes to <see cref="Error"/>.</summary>
internal sealed record CliContext(TextWriter Output, TextWriter Error, bool Verbose);
