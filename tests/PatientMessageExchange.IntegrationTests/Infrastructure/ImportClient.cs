using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>Drives the import screens over HTTP the way a browser does: upload for a preview, then confirm.</summary>
public static partial class ImportClient
{
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string kind, byte[] content,
        string fileName = "export.csv")
    {
        var token = await client.GetAntiforgeryTokenAsync("/Patients/Import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(kind), "kind");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/Patients/Import", form);
    }

    /// <summary>Uploads, checks the preview page came back, and returns its HTML.</summary>
    public static async Task<string> PreviewAsync(this HttpClient client, string kind, byte[] content)
    {
        var response = await client.UploadAsync(kind, content);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Upload answered {(int)response.StatusCode}.");
        }
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Confirms a previewed upload and returns the notice or problem the import page then shows.</summary>
    public static async Task<string> CommitAsync(this HttpClient client, string previewHtml, string kind, bool validRowsOnly)
    {
        var stagingToken = StagingToken().Match(previewHtml).Groups[1].Value;
        var antiforgery = HttpClientFormExtensions.ExtractAntiforgeryToken(previewHtml)!;
        var response = await client.PostAsync("/Patients/ImportCommit", new FormUrlEncodedContent(
        [
            new("token", stagingToken),
            new("kind", kind),
            new("validRowsOnly", validRowsOnly ? "true" : "false"),
            new("__RequestVerificationToken", antiforgery),
        ]));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Commit answered {(int)response.StatusCode}.");
        }
        var page = await client.GetStringAsync(response.Headers.Location!.PathAndQuery());
        var notice = Alert().Match(page);
        return notice.Success ? WebUtility.HtmlDecode(notice.Groups[1].Value) : "";
    }

    public static string TextOf(string html, string id)
    {
        var match = Regex.Match(html, $"id=\"{id}\">([^<]*)<");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : "";
    }

    /// <summary>The (line, column, why) rows of the preview's problem table.</summary>
    public static IReadOnlyList<(int Line, string Column, string Why)> Issues(string html) =>
        IssueRow().Matches(html)
            .Select(m => (int.Parse(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value), WebUtility.HtmlDecode(m.Groups[3].Value)))
            .ToList();

    [GeneratedRegex("name=\"token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex StagingToken();

    [GeneratedRegex("class=\"alert alert-(?:success|danger)\" role=\"(?:status|alert)\">([^<]*)<")]
    private static partial Regex Alert();

    [GeneratedRegex("<tr><td>(\\d+)</td><td>([^<]*)</td><td>([^<]*)</td></tr>")]
    private static partial Regex IssueRow();
}
