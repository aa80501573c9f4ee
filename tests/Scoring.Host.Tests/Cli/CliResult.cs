namespace Scoring.Host.Tests.Cli;

/// <summary>What a command-line run gave: the exit code and both streams.</summary>
internal sealed record CliResult(int Exit, string Out, string Err)
{
    /// <summary>A .NET stack trace line ("   at Namespace.Type.Method(...)").</summary>
    public bool HasStackTrace => Out.Contains("   at ", StringComparison.Ordinal) || Err.Contains("   at ", StringComparison.Ordinal);

    public override string ToString() => $"exit {Exit}\n--- out ---\n{Out}\n--- err ---\n{Err}";
}
