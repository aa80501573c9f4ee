namespace Scoring.Host.Cli;

/// <summary>
/// Dispatches the command-line verbs. Exit code 0 on success, 1 when validate or test finds a failure, 2 on bad
/// usage or input, 3 on an unexpected error. Never prints a stack trace unless --verbose is given.
/// </summary>
internal static class CommandLine
{
    private static readonly IVerb[] AllVerbs = [new ValidateVerb(), new TestVerb(), new ScoreVerb(), new ExplainVerb(), new DiffVerb(), new ReviewVerb(), new VerifyVerb(), new SensitivityVerb(), new ExcelExportVerb(), new ExcelImportVerb(), new RulesEngineImportVerb()];

    private static readonly string[] Verbs = [.. AllVerbs.Select(v => v.Spec.Name), "token", "user", "help", "--help", "-h"];

    /// <summary>
    /// A first argument that is not an option is a verb: a known one runs, an unknown one (a typo such as
    /// "valdate") fails with the usage instead of silently starting the web service.
    /// </summary>
    public static bool IsVerb(string[] args) => args.Length > 0 && (Verbs.Contains(args[0]) || !args[0].StartsWith('-'));

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) => RunAsync(args, output, error, AllVerbs);

    /// <summary>Runs with the given verbs; the top-level error handling is the same as for the real ones.</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyList<IVerb> verbs)
    {
        var verbose = args.Contains("--verbose");
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            (args.Length == 0 ? error : output).Write(Usage());
            return args.Length == 0 ? ExitCodes.BadInput : ExitCodes.Ok;
        }

        if (args[0] == "token")
        {
            return await TokenVerb.RunAsync(args, output, error);
        }

        if (args[0] == "user")
        {
            return await Accounts.UserVerb.RunAsync(args, Console.In, output, error);
        }

        var verb = verbs.FirstOrDefault(v => v.Spec.Name == args[0]);
        if (verb is null)
        {
            error.WriteLine($"Lỗi: lệnh không hợp lệ '{args[0]}'.");
            error.Write(Usage());
            return ExitCodes.BadInput;
        }

        try
        {
            var parsed = ArgumentParser.Parse(verb.Spec, args[1..]);
            if (parsed.Has("--help"))
            {
                output.Write(verb.Spec.HelpText());
                return ExitCodes.Ok;
            }

            return await verb.RunAsync(parsed, new CliContext(output, error, verbose));
        }
        catch (CliException ex)
        {
            error.WriteLine($"Lỗi: {ex.Message}");
            foreach (var line in ex.Details)
            {
                error.WriteLine($"  {line}");
            }

            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error.WriteLine($"Lỗi không mong đợi ({ex.GetType().Name}): {FirstLine(ex.Message)}");
            if (verbose)
            {
                error.WriteLine(ex.ToString());
            }
            else
            {
                error.WriteLine("Chạy lại với --verbose để xem chi tiết.");
            }

            return ExitCodes.Internal;
        }
    }

    public static string Usage()
    {
        var lines = new List<string>
        {
            "Cách dùng: scoring <lệnh> [tùy chọn]",
            string.Empty,
            "Các lệnh:",
        };
        var width = AllVerbs.Max(v => v.Spec.Usage.Length);
        lines.AddRange(AllVerbs.Select(v => $"  {v.Spec.Usage.PadRight(width)}  {FirstLine(v.Spec.Description)}"));
        lines.Add($"  {"token --role <vai trò> [...]".PadRight(width)}  Tạo JWT dùng thử cho dịch vụ.");
        lines.Add($"  {"user add|reset --name <tên> [...]".PadRight(width)}  Tạo tài khoản đăng nhập hoặc đặt lại mật khẩu (mật khẩu đọc từ stdin).");
        lines.Add(string.Empty);
        lines.Add("Xem hướng dẫn từng lệnh: scoring <lệnh> --help. Không có lệnh: chạy dịch vụ web.");
        lines.Add("Mã thoát: 0 thành công; 1 có lỗi kiểm tra hoặc ca kiểm thử không đạt; 2 sai cách dùng hoặc dữ liệu đầu vào; 3 lỗi không mong đợi.");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
