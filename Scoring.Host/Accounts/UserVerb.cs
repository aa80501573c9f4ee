using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.Accounts;

/// <summary>
/// <c>user add --name &lt;user&gt; --role &lt;role&gt; [--tenant t] [--unit u] [--groups a,b] [--display "Tên"]</c> and
/// <c>user reset --name &lt;user&gt;</c>: creates an account or sets its password, so the first administrator of a fresh
/// installation can sign in. The password is read from standard input (never from the command line, where it would stay in
/// the shell's history). The configuration is read exactly as the service reads it, like the <c>token</c> verb
/// (<c>--Storage:DataDirectory</c>, <c>--ConnectionStrings:Postgres</c> …). The change is in the audit log. A password set
/// here is an initial password (it passed through a shell or a script): the first sign-in asks for a new one.
/// </summary>
internal static class UserVerb
{
    private static readonly string[] Options = ["name", "role", "tenant", "unit", "groups", "display"];

    public const string Usage = "user add --name <tên đăng nhập> --role <vai trò> [--tenant mã] [--unit mã] [--groups a,b] [--display \"Tên hiển thị\"] | user reset --name <tên đăng nhập>";

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Length < 2 || args[1] is not ("add" or "reset"))
        {
            error.WriteLine($"Lỗi: thiếu hoặc sai lệnh con. Dùng: {Usage}. Mật khẩu đọc từ đầu vào chuẩn (stdin).");
            return ExitCodes.BadInput;
        }

        var adding = args[1] == "add";
        if (!ServiceVerbArguments.TryParse(args[2..], Options, Usage, error, out var options, out var configurationArgs))
        {
            return ExitCodes.BadInput;
        }

        if (!options.TryGetValue("name", out var name) || string.IsNullOrWhiteSpace(name))
        {
            error.WriteLine("Lỗi: thiếu --name <tên đăng nhập>.");
            return ExitCodes.BadInput;
        }

        AccountScope? scope = null;
        if (adding)
        {
            scope = new AccountScope(options.GetValueOrDefault("role") ?? "", options.GetValueOrDefault("tenant"), options.GetValueOrDefault("unit"),
                AccountScope.SplitGroups(options.GetValueOrDefault("groups")));
            if (scope.Problem() is { } problem)
            {
                error.WriteLine($"Lỗi: {problem}");
                return ExitCodes.BadInput;
            }
        }

        var password = (await input.ReadLineAsync())?.TrimEnd('\r');
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("Lỗi: không đọc được mật khẩu từ đầu vào chuẩn. Ví dụ: printf '%s\\n' 'MatKhau2025x' | scoring user add --name quantri --role administrator");
            return ExitCodes.BadInput;
        }

        WebApplication app;
        try
        {
            var builder = WebApplication.CreateBuilder(Extensions.HostOptions.For(configurationArgs));
            var storage = StorageSettings.From(builder.Configuration);
            Directory.CreateDirectory(storage.DataDirectory);
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<IClock>(SystemClock.Instance);
            builder.Services.AddSingleton<AuditTrail>();
            builder.Services.AddSingleton(storage);
            builder.Services.AddDbContext<ScoringDbContext>(o => StorageExtensions.Configure(o, storage));
            builder.Services.AddScoringAccounts();
            app = builder.Build();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or ArgumentException or SettingException)
        {
            error.WriteLine($"Không đọc được cấu hình của dịch vụ: {e.Message}");
            return ExitCodes.BadInput;
        }

        await using (app)
        {
            await using var scope2 = app.Services.CreateAsyncScope();
            var db = scope2.ServiceProvider.GetRequiredService<ScoringDbContext>();
            var settings = scope2.ServiceProvider.GetRequiredService<StorageSettings>();
            await new SchemaMigrator(settings.Provider, SystemClock.Instance).MigrateAsync(db.Database.GetDbConnection());
            var accounts = scope2.ServiceProvider.GetRequiredService<AccountService>();
            var actor = $"dòng lệnh ({Environment.UserName})";
            AccountResult result;
            if (adding)
            {
                result = await accounts.CreateAsync(actor, new NewAccount(name.Trim(), options.GetValueOrDefault("display") ?? name.Trim(), scope!, password, MustChangePassword: true), CancellationToken.None);
            }
            else if (await accounts.FindAsync(name.Trim()) is { } account)
            {
                result = await accounts.ResetPasswordAsync(actor, account, password, CancellationToken.None);
            }
            else
            {
                error.WriteLine($"Lỗi: không có tài khoản '{name.Trim()}'.");
                return ExitCodes.BadInput;
            }

            if (!result.Succeeded)
            {
                error.WriteLine($"Lỗi: {string.Join(" ", result.Errors)}");
                return ExitCodes.BadInput;
            }

            var done = result.Account!;
            output.WriteLine(adding
                ? $"Đã tạo tài khoản '{done.UserName}' ({AccountRoles.Title(done.Role)}{Scope(done)}). Đăng nhập tại /dang-nhap."
                : $"Đã đặt mật khẩu mới cho '{done.UserName}'{(done.Disabled ? " (tài khoản vẫn đang bị khóa)" : "")}.");
            return ExitCodes.Ok;
        }
    }

    private static string Scope(Account account) =>
        (account.TenantCode is { } t ? $", {t}" : "") + (account.UnitCode is { } u ? $", đơn vị {u}" : "") + (account.Groups is { } g ? $", cụm/khối {g}" : "");
}
