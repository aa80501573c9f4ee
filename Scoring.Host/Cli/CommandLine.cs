namespace Scoring.Host.Cli;

/// <summary>Dispatches the command-line verbs. Exit code 0 on success; non-zero with a clear message on any error.</summary>
internal static class CommandLine
{
    private static readonly string[] Verbs = ["validate", "test", "score", "explain", "diff", "token"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        error.WriteLine($"'{args[0]}' is not implemented yet.");
        return Task.FromResult(2);
    }
}
