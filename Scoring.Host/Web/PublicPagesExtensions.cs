using Microsoft.AspNetCore.Mvc.Razor;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace Scoring.Host.Web;

internal static class PublicPagesExtensions
{
    /// <summary>Razor Pages; Vietnamese letters are written as they are, not as &amp;#x..; entities; the public pages' output cache.</summary>
    public static IServiceCollection AddPublicPages(this IServiceCollection services)
    {
        // Pages live in their feature folders (Public/, RuleSets/, …); the layout and shared partials in Web/.
        services.AddRazorPages(o => o.RootDirectory = "/");
        services.Configure<RazorViewEngineOptions>(o => o.PageViewLocationFormats.Add("/Web/{0}" + RazorViewEngine.ViewExtension));
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddOutputCache(o =>
        {
            o.AddPolicy(PublishedPageCachePolicy.Name, new PublishedPageCachePolicy());
            o.SizeLimit = 256L * 1024 * 1024; // a national year's cards and year pages, rendered, are about 150 MB
        });
        return services;
    }
}
