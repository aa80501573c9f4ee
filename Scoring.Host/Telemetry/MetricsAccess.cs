using System.Net;

namespace Scoring.Host.Telemetry;

/// <summary>
/// Who may scrape <c>/metrics</c>: an administrator (bearer token), or any caller from a network in
/// <c>Metrics:AllowedNetworks</c> (a Prometheus server needs no token from there). Loopback only by default. Everyone else
/// gets 403: the metrics name tenants and reveal load, which is operators' business.
/// </summary>
internal sealed class MetricsAccess
{
    public const string Key = "Metrics:AllowedNetworks";
    private static readonly IPNetwork[] Loopback = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    public MetricsAccess(IReadOnlyList<IPNetwork> networks) => Networks = networks;

    public IReadOnlyList<IPNetwork> Networks { get; }

    /// <summary>
    /// Reads <c>Metrics:AllowedNetworks</c>: CIDR blocks as a list (<c>["10.0.0.0/8", "::1/128"]</c>) or comma-separated text;
    /// an address alone is that one host; an empty value allows no network (administrators only).
    /// </summary>
    public static MetricsAccess From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Key);
        var items = section.GetChildren().Select(c => c.Value).ToList() is { Count: > 0 } children
            ? children
            : section.Value is { } text ? [.. text.Split(',')] : null;
        if (items is null)
        {
            return new MetricsAccess(Loopback);
        }

        var networks = new List<IPNetwork>();
        foreach (var item in items.Select(i => i?.Trim()).Where(i => !string.IsNullOrEmpty(i)))
        {
            networks.Add(Parse(item!));
        }

        return new MetricsAccess(networks);
    }

    public bool Allows(HttpContext context)
    {
        if (context.User.HasClaim(ClaimNames.Role, Roles.Administrator))
        {
            return true;
        }

        if (context.Connection.RemoteIpAddress is not { } address)
        {
            return false;
        }

        var caller = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return Networks.Any(n => n.Contains(caller));
    }

    /// <summary>The branch in front of the scrape: lets allowed callers through, answers everyone else 403.</summary>
    public async Task GateAsync(HttpContext context, RequestDelegate next)
    {
        if (Allows(context))
        {
            await next(context);
            return;
        }

        await Problems.Forbidden("Chỉ quản trị viên hoặc máy trong mạng được phép (Metrics:AllowedNetworks) mới xem được số đo vận hành.")
            .ExecuteAsync(context);
    }

    private static IPNetwork Parse(string text)
    {
        if (IPNetwork.TryParse(text, out var network))
        {
            return network;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        throw new SettingException($"{Key} có giá trị '{text}' không phải là một mạng CIDR. Ví dụ đúng: 10.0.0.0/8,127.0.0.1/32.");
    }
}
