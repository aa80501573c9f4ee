namespace Scoring.Host.Cli;

/// <summary>Exit codes of the command line (docs/cli.md).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>validate found an error, or test had a failing case.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage or bad input: unknown option, missing folder, bad year, malformed data.</summary>
    public const int BadInput = 2;

    /// <summary>An unexpected internal error (a bug); the message says to re-run with --verbose.</summary>
    public const int Internal = 3;
}
