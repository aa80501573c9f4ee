
namespace Scoring.Host.Cli;

/// <summary>
/// <c>token --role &lt;role&gt; [--tenant t] [--unit code] [--groups a,b] [--subject name] [--hours 12] [--Section:Key value ...]</c>:
/// mints a development JWT signed with the key the service uses (<c>Auth:SigningKey</c>, or the key generated in the data
/// folder). The configuration is read exactly as the service reads it (appsettings, environment, and any
/// <c>--Section:Key value</c> or <c>--contentRoot</c>/<c>--environment</c> on the command line), so
/// <c>token ... --Storage:DataDirectory /srv/scoring</c> signs with that folder's key.
/// </summary>
internal static class TokenVerb
{
    private static readonly string[] TokenOptions = ["role", "tenant", "unit", "groups", "subject", "hours"];

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (!TryParse(args, out var options, out var configurationArgs, error))
        {
            return Task.FromResult(2);
        }

        IConfiguration configuration;
        try
        {
            configuration = WebApplication.CreateBuilder(Extensions.HostOptions.For(configurationArgs)).Configuration;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or ArgumentException)
        {
            // A missing --contentRoot, an unreadable appsettings.json: say which, without a stack trace.
            error.WriteLine($"Không đọc được cấu hình của dịch vụ: {e.Message}");
            return Task.FromResult(2);
        }

        return Task.FromResult(Run(options, configuration, output, error));
    }

    public static int Run(string[] args, IConfiguration configuration, TextWriter output, TextWriter error) =>
        TryParse(args, out var options, out var configurationArgs, error)
            ? Run(options, configurationArgs.Length == 0 ? configuration : WithCommandLine(configuration, configurationArgs), output, error)
            : 2;

    private static bool TryParse(string[] args, out Dictionary<string, string> options, out string[] configurationArgs, TextWriter error) =>
        ServiceVerbArguments.TryParse(args.Length > 0 && args[0] == "token" ? args[1..] : args, TokenOptions,
            $"token --role <{string.Join('|', Roles.All)}> [--tenant mã] [--unit mã] [--groups a,b] [--subject tên] [--hours 12]", error,
            out options, out configurationArgs);

    private static IConfiguration WithCommandLine(IConfiguration configuration, string[] configurationArgs) =>
        new ConfigurationBuilder().AddConfiguration(configuration).AddCommandLine(configurationArgs).Build();

    private static int Run(Dictionary<string, string> options, IConfiguration configuration, TextWriter output, TextWriter error)
    {

        if (!options.TryGetValue("role", out var role) || !Roles.All.Contains(role))
        {
            error.WriteLine($"Thiếu hoặc sai --role; dùng một trong: {string.Join(", ", Roles.All)}.");
            return 2;
        }

        options.TryGetValue("unit", out var unit);
        options.TryGetValue("tenant", out var tenant);
        var groups = options.TryGetValue("groups", out var g) ? g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        if (role == Roles.Unit && unit is null)
        {
            error.WriteLine("Vai trò 'unit' cần --unit <mã đơn vị>.");
            return 2;
        }

        if (role == Roles.Secretariat && groups.Length == 0)
        {
            error.WriteLine("Vai trò 'secretariat' cần --groups <mã cụm/khối,...>.");
            return 2;
        }

        // Unit and group codes only mean something inside one tenant: the service refuses such tokens without one.
        if ((role is Roles.Unit or Roles.Secretariat or Roles.Appraiser) && tenant is null)
        {
            error.WriteLine($"Vai trò '{role}' cần --tenant <mã tỉnh/xã>, ví dụ --tenant son-la: mã đơn vị và mã cụm/khối chỉ có nghĩa trong một tỉnh/xã.");
            return 2;
        }

        var hours = 12;
        if (options.TryGetValue("hours", out var h) && !(int.TryParse(h, out hours) && hours is > 0 and <= 24 * 366))
        {
            error.WriteLine($"--hours '{h}' không hợp lệ: cần một số nguyên giờ từ 1 đến {24 * 366}.");
            return 2;
        }

        try
        {
            var settings = AuthSettings.From(configuration);
            var subject = options.TryGetValue("subject", out var s) ? s : $"{role}:{unit ?? string.Join('+', groups)}";
            output.WriteLine(TokenIssuer.Mint(settings, subject, role, tenant, unit, groups, TimeSpan.FromHours(hours)));
            return 0;
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }
}
