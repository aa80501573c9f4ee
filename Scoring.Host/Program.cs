using Scoring.Host.Cli;
using Scoring.Host.Errors;
using Scoring.Host.Extensions;

// A command-line verb (validate, test, score, explain, diff, token) runs and exits; otherwise the service starts.
if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(args, Console.Out, Console.Error);
}

try
{
    var app = ServiceApplication.Build(args);
    await app.RunAsync();
    return 0;
}
catch (Exception failure) when (SettingException.FindIn(failure) is { } setting)
{
    // A wrong setting is the operator's to fix: one line saying which key and how, not a stack trace.
    await Console.Error.WriteLineAsync($"Scoring không khởi động được: {setting.Message}");
    return 2;
}

public partial class Program;
