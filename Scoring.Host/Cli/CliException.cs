namespace Scoring.Host.Cli;

/// <summary>
/// A problem with the user's command or input (unknown option, missing folder, bad data): printed as a clear message
/// without a stack trace; exit code 2.
/// </summary>
internal sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, IEnumerable<string> details)
        : base(message)
    {
        Details = [.. details];
    }

    /// <summary>Lines printed after the message (e.g. every error of a data folder).</summary>
    public IReadOnlyList<string> Details { get; } = [];
}
