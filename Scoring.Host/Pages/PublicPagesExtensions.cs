using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace Scoring.Host.Pages;

internal static class PublicPagesExtensions
{
    /// <summary>Razor Pages; Vietnamese letters are written as they are, not as &amp;#x..; entities.</summary>
    public static IServiceCollection AddPublicPages(this IServiceCollection services)
    {
        services.AddRazorPages();
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }
}
