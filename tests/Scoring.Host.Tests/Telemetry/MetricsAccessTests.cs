using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Scoring.Host.Tests.Telemetry;

public sealed class MetricsAccessTests
{
    [TestCase("127.0.0.1", true)]
    [TestCase("::1", true)]
    [TestCase("::ffff:127.0.0.1", true)]
    [TestCase("10.0.0.5", false)]
    public void Default_AllowsLoopbackOnly(string caller, bool allowed)
    {
        var access = MetricsAccess.From(Configuration(null));

        Assert.That(access.Allows(Context(caller)), Is.EqualTo(allowed));
    }

    [TestCase("10.20.30.40", true)]
    [TestCase("192.168.1.7", true)]
    [TestCase("192.168.1.8", false)]
    [TestCase("127.0.0.1", false)]
    public void ConfiguredNetworks_ReplaceLoopback(string caller, bool allowed)
    {
        var access = MetricsAccess.From(Configuration("10.0.0.0/8, 192.168.1.7"));

        Assert.That(access.Allows(Context(caller)), Is.EqualTo(allowed));
    }

    [Test]
    public void NetworksAsAJsonList_AreReadLikeTheText()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Metrics:AllowedNetworks:0"] = "10.1.0.0/16",
            ["Metrics:AllowedNetworks:1"] = "fd00::/8",
        }).Build();

        var access = MetricsAccess.From(configuration);

        Assert.That(access.Allows(Context("10.1.2.3")), Is.True);
        Assert.That(access.Allows(Context("fd00::5")), Is.True);
        Assert.That(access.Allows(Context("10.2.0.1")), Is.False);
    }

    [Test]
    public void Administrator_IsAllowedFromAnywhere_OtherRolesAreNot()
    {
        var access = MetricsAccess.From(Configuration(""));

        Assert.That(access.Allows(Context("203.0.113.9", Roles.Administrator)), Is.True);
        Assert.That(access.Allows(Context("203.0.113.9", Roles.RuleMaintainer)), Is.False);
        Assert.That(access.Allows(Context("127.0.0.1")), Is.False, "an empty list allows no network");
    }

    [TestCase("10.0.0.0/33")]
    [TestCase("mạng nội bộ")]
    public void MalformedNetwork_IsASettingErrorNamingTheKey(string value)
    {
        Assert.That(() => MetricsAccess.From(Configuration(value)),
            Throws.TypeOf<SettingException>().With.Message.Contains("Metrics:AllowedNetworks").And.Message.Contains(value));
    }

    private static IConfiguration Configuration(string? networks) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Metrics:AllowedNetworks"] = networks }).Build();

    private static DefaultHttpContext Context(string address, string? role = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (role is not null)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimNames.Role, role)], "test"));
        }

        return context;
    }
}
