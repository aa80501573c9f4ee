using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Scoring.Host.Tests.Accounts;

/// <summary>A browser-like HTTP session on the in-memory host: keeps cookies, does not follow redirects, posts forms with their antiforgery token.</summary>
internal sealed partial class FormSession(ScoringHostFactory host) : IDisposable
{
    public HttpClient Client { get; } = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<(HttpStatusCode Status, string Body, string? Location)> GetAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.ToString());
    }

    /// <summary>Reads the form's token from <paramref name="formPage"/>, then posts the fields to <paramref name="action"/> (the page itself by default).</summary>
    public async Task<(HttpStatusCode Status, string Body, string? Location)> PostFormAsync(string formPage, IDictionary<string, string> fields, string? action = null, bool withToken = true)
    {
        var (_, html, _) = await GetAsync(formPage);
        var values = new Dictionary<string, string>(fields);
        if (withToken)
        {
            values["__RequestVerificationToken"] = Token(html);
        }

        using var response = await Client.PostAsync(action ?? formPage, new FormUrlEncodedContent(values));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.ToString());
    }

    public async Task<(HttpStatusCode Status, string Body, string? Location)> SignInAsync(string user, string password) =>
        await PostFormAsync("/dang-nhap", new Dictionary<string, string> { ["userName"] = user, ["password"] = password });

    public static string Token(string html) =>
        TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token in the page.");

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
