using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Cli;

/// <summary>The token verb reads configuration like the service, command-line keys included.</summary>
public sealed class TokenVerbConfigurationTests
{
    [Test]
    public async Task DataDirectoryOnTheCommandLine_SignsWithThatFoldersKey_WhichTheHostAccepts()
    {
        var data = Directory.CreateTempSubdirectory("scoring-token-data-").FullName;
        // No configured key: the host generates one into its (non-default) data folder.
        using var host = new ScoringHostFactory(dataDirectory: data, settings: new Dictionary<string, string?> { ["Auth:SigningKey"] = "" }, services: s =>
        {
            s.RemoveAll<IRunCalculator>();
            s.AddSingleton<IRunCalculator>(new SumCalculator());
        });
        _ = host.Server;
        try
        {
            var result = CliRunner.Run("token", "--role", "rule-maintainer", "--tenant", "son-la", "--Storage:DataDirectory", data);

            Assert.That(result.Exit, Is.Zero, result.ToString());
            using var client = host.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", result.Out.Trim());
            var response = await client.PostAsync("/api/rule-sets/validate", new StringContent("{}"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        finally
        {
            host.Dispose();
            Directory.Delete(data, true);
        }
    }

    [Test]
    public void SigningKeyOnTheCommandLine_IsUsed_AndAShortOneIsRefused()
    {
        var result = CliRunner.Run("token", "--role", "administrator", "--Auth:SigningKey", "short");

        Assert.That(result.Exit, Is.EqualTo(1), result.ToString());
        Assert.That(result.Err, Does.Contain("Auth:SigningKey").And.Contain("32"));
        Assert.That(result.Out, Is.Empty);
    }

    [Test]
    public void MissingContentRoot_IsAClearErrorWithoutAStackTrace()
    {
        var result = CliRunner.Run("token", "--role", "administrator", "--contentRoot", "/khong-co-thu-muc-nay");

        Assert.That(result.Exit, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Does.Contain("/khong-co-thu-muc-nay").And.Not.Contain("   at "));
        Assert.That(result.Out, Is.Empty);
    }

    [TestCase("--rol", "administrator")]
    [TestCase("--hours", "abc")]
    public void UnknownOptionOrBadHours_IsRefusedWithTheOptionNamed(string option, string value)
    {
        var result = CliRunner.Run("token", "--role", "administrator", option, value);

        Assert.That(result.Exit, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Does.Contain(option));
        Assert.That(result.Out, Is.Empty);
    }
}
