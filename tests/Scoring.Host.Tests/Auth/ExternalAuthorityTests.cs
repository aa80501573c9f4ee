using System.Net.Http.Headers;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;
using Scoring.Host.Tests.Cli;

namespace Scoring.Host.Tests.Auth;

/// <summary>Auth:Authority against a real OpenID Connect discovery document and JWKS served on loopback.</summary>
[NonParallelizable]
public sealed class ExternalAuthorityTests
{
    private const string Protected = "/api/rule-sets/validate";

    private LoopbackAuthority authority = null!;
    private ScoringHostFactory host = null!;
    private ScoringHostFactory mapped = null!;
    private ScoringHostFactory extraIssuer = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        authority = await LoopbackAuthority.StartAsync();
        host = new ScoringHostFactory(settings: AuthoritySettings());
        mapped = new ScoringHostFactory(settings: new Dictionary<string, string?>(AuthoritySettings())
        {
            ["Auth:Claims:Role"] = "roles",
            ["Auth:Claims:Tenant"] = "province",
        });
        extraIssuer = new ScoringHostFactory(settings: new Dictionary<string, string?>(AuthoritySettings()) { ["Auth:Issuer"] = "https://sts.example.gov.vn/legacy" });
        _ = host.Server;
        _ = mapped.Server;
        _ = extraIssuer.Server;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        host.Dispose();
        mapped.Dispose();
        extraIssuer.Dispose();
        await authority.DisposeAsync();
    }

    [Test]
    public async Task Rs256TokenFromTheAuthority_WithTheRightRole_IsAccepted()
    {
        var token = authority.Mint(Claims("rule-maintainer"));

        Assert.That(await StatusAsync(host, token), Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Rs256TokenFromTheAuthority_WithTooLowARole_IsForbidden()
    {
        var token = authority.Mint(Claims("unit"));

        Assert.That(await StatusAsync(host, token), Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task WrongIssuer_IsRejected()
    {
        var token = authority.Mint(Claims("rule-maintainer"), issuer: "https://someone-else.example");

        Assert.That(await StatusAsync(host, token), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ConfiguredIssuer_IsAcceptedBesidesTheDiscoveredOne_AndOnlyOnTheHostThatConfiguresIt()
    {
        var legacy = authority.Mint(Claims("rule-maintainer"), issuer: "https://sts.example.gov.vn/legacy");
        var discovered = authority.Mint(Claims("rule-maintainer"));

        Assert.That(await StatusAsync(extraIssuer, legacy), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StatusAsync(extraIssuer, discovered), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StatusAsync(host, legacy), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task WrongAudience_IsRejected()
    {
        var token = authority.Mint(Claims("rule-maintainer"), audience: "another-service");

        Assert.That(await StatusAsync(host, token), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ExpiredToken_IsRejected()
    {
        var token = authority.Mint(Claims("rule-maintainer"), expiresIn: TimeSpan.FromMinutes(-10));

        Assert.That(await StatusAsync(host, token), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task TokenSignedWithAKeyTheAuthorityDoesNotPublish_IsRejected()
    {
        using var other = RSA.Create(2048);
        var token = authority.Mint(Claims("rule-maintainer"), signingKey: new RsaSecurityKey(other) { KeyId = authority.Key.KeyId });

        Assert.That(await StatusAsync(host, token), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Hs256DevelopmentToken_IsRejected_EvenWithTheIssuerAndAudienceOfTheAuthority()
    {
        var devSettings = new AuthSettings(authority.Issuer, AuthSettings.DefaultAudience, null, System.Text.Encoding.UTF8.GetBytes(ScoringHostFactory.SigningKey));
        var token = TokenIssuer.Mint(devSettings, "dev", Roles.RuleMaintainer, "son-la", null, null, TimeSpan.FromHours(1));

        Assert.That(await StatusAsync(host, token), Is.EqualTo(HttpStatusCode.Unauthorized));
        using var client = host.ClientFor(Roles.RuleMaintainer, "son-la");
        Assert.That((await client.PostAsync(Protected, new StringContent("{}"))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the factory's HS256 token");
    }

    [Test]
    public async Task ClaimNamesOfTheIdentityProvider_AreMappedToOurs()
    {
        var token = authority.Mint(new Dictionary<string, object> { ["sub"] = "nguyen-van-a", ["roles"] = new[] { "rule-maintainer" }, ["province"] = "son-la" });

        Assert.That(await StatusAsync(mapped, token), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StatusAsync(host, token), Is.EqualTo(HttpStatusCode.Forbidden), "without the mapping the role is not found");
    }

    [Test]
    public void TokenVerb_RefusesToMint_WhenAnAuthorityIsConfigured()
    {
        var result = CliRunner.Run("token", "--role", "administrator", "--Auth:Authority", authority.Url, "--Auth:RequireHttpsMetadata", "false",
            "--Auth:SigningKey", ScoringHostFactory.SigningKey);

        Assert.That(result.Exit, Is.EqualTo(1), result.ToString());
        Assert.That(result.Err, Does.Contain("Auth:Authority"));
        Assert.That(result.Out, Is.Empty);
    }

    [TestCase("http://id.example.gov.vn", null, "https")]
    [TestCase("http://id.example.gov.vn", "false", "localhost")]
    [TestCase("https://id.example.gov.vn", "maybe", "true hoặc false")]
    [TestCase("id.example.gov.vn", null, "tuyệt đối")]
    public void UnsafeOrMalformedAuthoritySettings_AreRefusedAtStart(string url, string? requireHttps, string mentioned)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Authority"] = url,
            ["Auth:RequireHttpsMetadata"] = requireHttps,
        }).Build();

        Assert.That(() => AuthSettings.From(configuration), Throws.TypeOf<SettingException>().With.Message.Contains(mentioned));
    }

    private Dictionary<string, string?> AuthoritySettings() => new()
    {
        ["Auth:Authority"] = authority.Url,
        ["Auth:RequireHttpsMetadata"] = "false",
        ["Auth:Audience"] = "scoring",
    };

    private static Dictionary<string, object> Claims(string role) => new() { ["sub"] = "nguyen-van-a", ["role"] = role, ["tenant"] = "son-la" };

    private static async Task<HttpStatusCode> StatusAsync(ScoringHostFactory factory, string token)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.PostAsync(Protected, new StringContent("{}"))).StatusCode;
    }
}
