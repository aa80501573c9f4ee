using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Scoring.Host.Public;

/// <summary>
/// Output caching of the public result pages (home, a tenant's year, a unit's card) for anonymous readers: on results day
/// every unit and many citizens open the same few thousand pages, and rendering one costs several queries and a Razor pass.
/// A page is stored under the publish generation it was rendered at (<see cref="PublishGeneration"/>: one cheap query per
/// request, the same rule as the Redis cache of cards), so a page rendered before a publish is never served after it, on
/// any host. A change of a tenant's name or movements evicts this host's pages; other hosts show it within
/// <see cref="Duration"/>. Only 200 answers without cookies are stored; a signed-in reader (whose layout shows the account) always gets a
/// fresh page. Entries live <see cref="Duration"/> in this host's memory.
/// </summary>
internal sealed class PublishedPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "published-pages";

    /// <summary>Every cached page; evicted on this host when a tenant or its movements change (<c>PUT /api/tenants/{t}</c>).</summary>
    public const string Tag = "public-pages";

    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && http.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable)
        {
            return;
        }

        context.ResponseExpirationTimeSpan = Duration;
        context.Tags.Add(Tag);
        context.CacheVaryByRules.QueryKeys = "*";
        var db = http.RequestServices.GetRequiredService<ScoringDbContext>();
        var tenant = Convert.ToString(http.GetRouteValue("tenant"), CultureInfo.InvariantCulture);
        var year = Convert.ToString(http.GetRouteValue("year"), CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["generation"] =
            !string.IsNullOrEmpty(tenant) && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                ? await PublishGeneration.ReadAsync(db, tenant, y, cancellation)
                : await PublishGeneration.ReadAllAsync(db, cancellation);
        if (http.GetRouteValue("phase") is not null && !string.IsNullOrEmpty(tenant))
        {
            // A public phase-review page: also under the tenant's review generation (a publish of a review changes it).
            context.CacheVaryByRules.VaryByValues["reviews"] = await ReviewGeneration.ReadAsync(db, tenant, cancellation);
        }
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
