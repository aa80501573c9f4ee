using Scoring.Host.Cli;
using Scoring.Host.Extensions;

// A command-line verb (validate, test, score, explain, diff, token) runs and exits; otherwise the service starts.
if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(args, Console.Out, Console.Error);
}

var app = ServiceApplication.Build(args);
await app.RunAsync();
return 0;

public partial class Program;
