using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using PatientMessageExchange.BrowserTests.Infrastructure;
using PatientMessageExchange.Core.Broadcasts;
using PatientMessageExchange.Core.Channels.Outbox;
using PatientMessageExchange.Core.Credits;

namespace PatientMessageExchange.BrowserTests.Features;

/// <summary>
/// Issue 21.4: in the embedded default (no App:PublicBaseUrl), the unsubscribe link in an outbox .eml points at the
/// address the app listens on, and opening it in a browser works.
/// </summary>
public sealed class OutboxLinkBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private readonly BrowserAppHost _app = new();

    public async Task InitializeAsync()
    {
        await _app.CompleteSetupAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(10, "test funding", "test:funding");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_unsubscribe_link_in_an_outbox_email_opens_the_running_app()
    {
        var baseAddress = _app.BaseAddress;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var sent = await scope.ServiceProvider.GetRequiredService<BroadcastComposer>().SendAsync(new BroadcastOrder(
                new BroadcastListRequest { Pasted = "reader@example.com" },
                new BroadcastContent(null, "Flu clinic", "<p>Flu shots on Saturday.</p>"), null, null));
            Assert.True(sent.Succeeded, string.Join("; ", sent.Errors.Values));
        }
        var eml = await WaitForOutboxEmailAsync();

        var header = (await MimeMessage.LoadAsync(eml.FullName)).Headers["List-Unsubscribe"] ?? "";
        var link = new Uri(header.Trim('<', '>'));

        Assert.Equal(baseAddress.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
        await using var session = await BrowserSession.OpenAsync(chromium.Browser, baseAddress);
        var response = await session.Page.GotoAsync(link.ToString());
        Assert.Equal(200, response!.Status);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "You are unsubscribed" })).ToBeVisibleAsync();
        Assert.Empty(session.Errors);
    }

    private async Task<FileInfo> WaitForOutboxEmailAsync()
    {
        var folder = Path.Combine(_app.DataFolder, "outbox");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            // The email goes out from a background job; its file appears once the job has run.
            if (OutboxEmailTransport.List(folder).FirstOrDefault() is { } file)
            {
                return file;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("No email reached the outbox.");
    }
}
