using System.Net.Http.Headers;
using System.Net;
using Microsoft.Extensions.Configuration;
using Scoring.Host.Tests.Apis;
using Scoring.Host.Tests.Cli;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Auth;

public sealed class TokenVerbTests
{
    [Test]
    public async Task MintedToken_IsAcceptedByTheServiceWithTheSameKey()
    {
        using var host = ApiHost.Start(Backend.Sqlite);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = ScoringHostFactory.SigningKey }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = TokenVerb.Run(["--role", "rule-maintainer", "--tenant", "son-la"], configuration, output, error);

        Assert.That(code, Is.Zero, error.ToString());
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.ToString().Trim());
        var response = await client.PostAsync("/api/rule-sets/validate", new StringContent("{}"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase(new[] { "--role", "unit" }, "--unit", TestName = "Token_UnitWithoutUnitCode_IsRefused")]
    [TestCase(new[] { "--role", "secretariat" }, "--groups", TestName = "Token_SecretariatWithoutGroups_IsRefused")]
    [TestCase(new[] { "--role", "king" }, "--role", TestName = "Token_UnknownRole_IsRefused")]
    public void BadArguments_ExitNonZeroWithAClearMessage(string[] args, string mentioned)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = TokenVerb.Run(args, new ConfigurationBuilder().Build(), output, error);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain(mentioned));
        Assert.That(output.ToString(), Is.Empty);
    }

    [Test]
    public void NoKeyConfigured_GeneratesOneIntoTheDataFolderOnce()
    {
        var data = Directory.CreateTempSubdirectory("scoring-key-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = data }).Build();

            var first = AuthSettings.From(configuration);
            var second = AuthSettings.From(configuration);

            Assert.That(File.Exists(Path.Combine(data, AuthSettings.KeyFileName)), Is.True);
            Assert.That(first.SigningKey, Has.Length.GreaterThanOrEqualTo(32));
            Assert.That(second.SigningKey, Is.EqualTo(first.SigningKey));
        }
        finally
        {
            Directory.Delete(data, true);
        }
    }

    [TestCase("unit", "--unit", "SL-L001")]
    [TestCase("secretariat", "--groups", "SL-K01")]
    public void UnitOrSecretariatTokenWithoutATenant_IsRefusedAndSaysWhichOptionIsMissing(string role, string option, string value)
    {
        var result = CliRunner.Run("token", "--role", role, option, value);

        Assert.That(result.Exit, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Does.Contain("--tenant"));
        Assert.That(result.Out, Is.Empty, "no token is printed");
    }

    [Test]
    public void ShortConfiguredKey_IsRefusedWithAClearMessage()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = "short" }).Build();

        Assert.That(() => AuthSettings.From(configuration), Throws.TypeOf<SettingException>().With.Message.Contains("32"));
    }
}
