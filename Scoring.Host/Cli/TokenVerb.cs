using Scoring.Host.Auth;

namespace Scoring.Host.Cli;

/// <summary>
/// <c>token --role &lt;role&gt; [--tenant t] [--unit code] [--groups a,b] [--subject name] [--hours 12]</c>: mints a development JWT
/// signed with the key the service uses (<c>Auth:SigningKey</c>, or the key generated in the data folder).
/// </summary>
internal static class TokenVerb
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        Task.FromResult(Run(args, Configuration(), output, error));

    public static int Run(string[] args, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = args.Length > 0 && args[0] == "token" ? 1 : 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                error.WriteLine($"Tham số '{args[i]}' không hợp lệ. Dùng: token --role <{string.Join('|', Roles.All)}> [--tenant mã] [--unit mã] [--groups a,b] [--hours 12]");
                return 2;
            }

            options[args[i][2..]] = args[++i];
        }

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
        if ((role is Roles.Unit or Roles.Secretariat) && tenant is null)
        {
            error.WriteLine($"Vai trò '{role}' cần --tenant <mã tỉnh/xã>, ví dụ --tenant son-la: mã đơn vị và mã cụm/khối chỉ có nghĩa trong một tỉnh/xã.");
            return 2;
        }

        var hours = options.TryGetValue("hours", out var h) && int.TryParse(h, out var parsed) && parsed > 0 ? parsed : 12;
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

    private static IConfiguration Configuration() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
}
