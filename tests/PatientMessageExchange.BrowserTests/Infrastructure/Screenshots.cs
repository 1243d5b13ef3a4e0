using Microsoft.Playwright;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.BrowserTests.Infrastructure;

/// <summary>Full-page screenshots at 1280 wide, for review and for the docs.</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var root = RepositoryPaths.Root;
        var folder = Path.Combine(root, ".test-results", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        if (Environment.GetEnvironmentVariable("PMX_SCREENSHOTS_TO_DOCS") == "1")
        {
            var docs = Path.Combine(root, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            File.Copy(path, Path.Combine(docs, name + ".png"), overwrite: true);
        }
    }
}
