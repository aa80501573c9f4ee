namespace Scoring.Host.Cli;

/// <summary>
/// The arguments of a verb that works on the service's own configuration (<c>token</c>, <c>user</c>): its options as
/// <c>--name value</c>, and configuration given on the command line — <c>--Section:Key value</c>, or a host key
/// (<c>--contentRoot</c>, <c>--environment</c>, <c>--applicationName</c>) — passed on so the configuration is read exactly as
/// the service reads it.
/// </summary>
internal static class ServiceVerbArguments
{
    /// <summary>Host options that are not Section:Key but still configure where the service reads its settings.</summary>
    private static readonly string[] HostKeys = ["contentRoot", "environment", "applicationName"];

    /// <summary>
    /// Splits <paramref name="args"/> into the verb's <paramref name="known"/> options and the configuration arguments; false,
    /// with the usage on <paramref name="error"/>, for an argument that is neither or has no value.
    /// </summary>
    public static bool TryParse(IReadOnlyList<string> args, IReadOnlyCollection<string> known, string usage, TextWriter error,
        out Dictionary<string, string> options, out string[] configurationArgs)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        configurationArgs = [];
        var configuration = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
            var isConfiguration = name is not null && (name.Contains(':', StringComparison.Ordinal) || HostKeys.Contains(name, StringComparer.OrdinalIgnoreCase));
            if (name is null || i + 1 >= args.Count || (!isConfiguration && !known.Contains(name)))
            {
                error.WriteLine($"Lỗi: tham số '{args[i]}' không hợp lệ. Dùng: {usage} [--Mục:Khóa giá-trị ...]");
                return false;
            }

            if (isConfiguration)
            {
                configuration.Add(args[i]);
                configuration.Add(args[++i]);
            }
            else
            {
                options[name] = args[++i];
            }
        }

        configurationArgs = [.. configuration];
        return true;
    }
}
