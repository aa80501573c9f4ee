using System.Diagnostics;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Startup;

/// <summary>
/// The built service started with one wrong setting, as an operator would start it: it stops with exit code 2 and one
/// Vietnamese line naming the key and how to fix it, before serving anything, and prints no stack trace.
/// </summary>
public sealed class SettingErrorStartTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    [TestCase("--Auth:SigningKey", "ngắn-quá", "Auth:SigningKey phải dài ít nhất 32 ký tự")]
    [TestCase("--Scheduler:Threads", "nhiều", "Scheduler:Threads phải là số nguyên dương, nhưng đang là 'nhiều'")]
    [TestCase("--Reminders:DaysBefore", "7,ba,1", "Reminders:DaysBefore")]
    [TestCase("--Redis:Configuration", "127.0.0.1:6379,notAnOption=1", "Redis:Configuration '127.0.0.1:6379,notAnOption=1' không hợp lệ")]
    [TestCase("--Metrics:AllowedNetworks", "10.0.0.0/33", "Metrics:AllowedNetworks có giá trị '10.0.0.0/33' không phải là một mạng CIDR")]
    public async Task AWrongSetting_StopsTheServiceWithOneVietnameseLine_AndNoStackTrace(string key, string value, string expected)
    {
        var data = Directory.CreateTempSubdirectory("scoring-bad-setting-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { ChildHost.HostDll, "--urls", ChildHost.AnyPortUrl, "--Storage:DataDirectory", data, key, value })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var patience = new CancellationTokenSource(StartTimeout);
            await process.WaitForExitAsync(patience.Token);
            var errorText = await error;

            Assert.That(process.ExitCode, Is.EqualTo(2), () => $"stdout:\n{output.Result}\nstderr:\n{errorText}");
            Assert.That(errorText, Does.StartWith("Scoring không khởi động được: ").And.Contain(expected));
            Assert.That(errorText + await output, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception"), "no stack trace");
            Assert.That(await output, Does.Not.Contain("Scoring đang chạy tại"), "it never said it was serving");
        }
        finally
        {
            Directory.Delete(data, true);
        }
    }
}
