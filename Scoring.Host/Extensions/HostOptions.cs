namespace Scoring.Host.Extensions;

/// <summary>
/// Where the service finds its own files. `dotnet run --project Scoring.Host` runs in the caller's directory, so that
/// command-line paths (rules-catalog/, samples/) and the data folder resolve from there; appsettings.json and wwwroot
/// are read from beside the binaries. A content root given explicitly (tests, --contentRoot) is left alone.
/// </summary>
internal static class HostOptions
{
    public static WebApplicationOptions For(string[] args)
    {
        var binaries = AppContext.BaseDirectory;
        var explicitRoot = args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 };
        var ownFiles = File.Exists(Path.Combine(binaries, "appsettings.json")) && Directory.Exists(Path.Combine(binaries, "wwwroot"));
        return new WebApplicationOptions { Args = args, ContentRootPath = explicitRoot || !ownFiles ? null : binaries };
    }
}
