using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Accounts;

/// <summary>
/// <c>user add|reset</c>: its options and the configuration on the command line are told apart like the <c>token</c> verb's
/// (one parser, <see cref="ServiceVerbArguments"/>); the account lands in the database the configuration names. What the
/// account can then do, on SQLite and PostgreSQL, is <see cref="UserVerbTests"/>.
/// </summary>
public sealed class UserVerbArgumentTests
{
    [Test]
    public async Task Add_WithTheDataDirectoryOnTheCommandLine_CreatesTheAccountThere_ThenResetChangesItsPassword()
    {
        var data = Directory.CreateTempSubdirectory("scoring-user-verb-").FullName;
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var added = await Scoring.Host.Accounts.UserVerb.RunAsync(
                ["user", "add", "--name", "quantri.moi", "--role", "administrator", "--Storage:DataDirectory", data], new StringReader("MatKhau2025x\n"), output, error);

            Assert.That(added, Is.EqualTo(ExitCodes.Ok), error.ToString());
            Assert.That(output.ToString(), Does.Contain("Đã tạo tài khoản 'quantri.moi'"));
            Assert.That(File.Exists(Path.Combine(data, "scoring.db")), Is.True, "the account is stored in the folder given on the command line");

            var reset = await Scoring.Host.Accounts.UserVerb.RunAsync(
                ["user", "reset", "--name", "quantri.moi", "--Storage:DataDirectory", data], new StringReader("MatKhauMoi2026y\n"), output, error);
            Assert.That(reset, Is.EqualTo(ExitCodes.Ok), error.ToString());
            Assert.That(output.ToString(), Does.Contain("Đã đặt mật khẩu mới cho 'quantri.moi'"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, true);
        }
    }

    [TestCase("--nam", "quantri")]
    [TestCase("quantri")]
    [TestCase("--name")]
    public async Task AnUnknownOrIncompleteArgument_IsRefusedWithTheUsage_NothingRead(params string[] rest)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var input = new StringReader("MatKhau2025x\n");

        var exit = await Scoring.Host.Accounts.UserVerb.RunAsync(["user", "add", .. rest], input, output, error);

        Assert.That(exit, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error.ToString(), Does.StartWith($"Lỗi: tham số '{rest[0]}' không hợp lệ. Dùng: user add --name"));
        Assert.That(await input.ReadToEndAsync(), Is.EqualTo("MatKhau2025x\n"), "the password is not read when the arguments are wrong");
        Assert.That(output.ToString(), Is.Empty);
    }
}
