namespace Scoring.Host.Cli;

/// <summary>An option a verb accepts: "--name", whether it takes a value, and a line of help (Vietnamese).</summary>
internal sealed record OptionSpec(string Name, string? ValueName, string Help)
{
    public bool TakesValue => ValueName is not null;
}
