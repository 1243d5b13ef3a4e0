using System.Net;
using System.Text.RegularExpressions;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

public static partial class HttpClientFormExtensions
{
    /// <summary>
    /// Posts a form the way a browser does: reads the page first for its antiforgery token, unless the caller
    /// passes <paramref name="tokenFrom"/> explicitly or asks for no token.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url,
        IDictionary<string, string> fields, string? tokenFrom = null, bool withToken = true)
    {
        var form = new List<KeyValuePair<string, string>>(fields);
        if (withToken)
        {
            var token = await GetAntiforgeryTokenAsync(client, tokenFrom ?? url);
            form.Add(new("__RequestVerificationToken", token));
        }
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    public static async Task<string> GetAntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        var response = await client.GetAsync(pageUrl);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {pageUrl} answered {(int)response.StatusCode}; no form to read a token from.");
        }
        var html = await response.Content.ReadAsStringAsync();
        return ExtractAntiforgeryToken(html)
               ?? throw new InvalidOperationException($"{pageUrl} has no antiforgery token.");
    }

    public static string? ExtractAntiforgeryToken(string html)
    {
        var match = TokenInput().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
