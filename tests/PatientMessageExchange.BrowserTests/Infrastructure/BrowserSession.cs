using Microsoft.Playwright;

namespace PatientMessageExchange.BrowserTests.Infrastructure;

/// <summary>
/// One browser context at 1280×800 that records console errors and page errors, including content security policy
/// violations, so a test can assert that the page ran cleanly.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => Errors.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Errors.Add($"{response.Status} {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public static async Task<BrowserSession> OpenAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        return new BrowserSession(context, await context.NewPageAsync());
    }

    public async Task SignInAsync(string userName, string password)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.GetByLabel("User name").FillAsync(userName);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
