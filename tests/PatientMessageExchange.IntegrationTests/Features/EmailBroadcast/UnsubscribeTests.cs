using System.Buffers.Binary;
using System.Buffers.Text;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Broadcasts;
using PatientMessageExchange.IntegrationTests.Dispatch;

namespace PatientMessageExchange.IntegrationTests.Features.EmailBroadcast;

/// <summary>R12 and R27: the unsubscribe URL's GET only shows a page; its POST is the token-authenticated exemption.</summary>
public sealed class UnsubscribeTests : IAsyncLifetime
{
    private DispatchHarness _harness = null!;
    private readonly Dictionary<string, Uri> _urls = new();

    public async Task InitializeAsync()
    {
        _harness = await DispatchHarness.StartAsync(credits: 100);
        await BroadcastHelpers.SendAsync(_harness.App, new BroadcastListRequest { Pasted = "a@example.com b@example.com" });
        await _harness.RunQueuedBatchesAsync();
        foreach (var email in _harness.Sink.Received)
        {
            _urls[email.Recipients.Single()] = BroadcastHelpers.UnsubscribeUrl(email.Message.Headers["List-Unsubscribe"]);
        }
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task R12_a_GET_shows_a_confirmation_page_and_suppresses_nothing()
    {
        var client = _harness.App.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });

        var response = await client.GetAsync(_urls["a@example.com"].PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("name=\"List-Unsubscribe\" value=\"One-Click\"", html);
        Assert.Contains("method=\"post\"", html);
        Assert.Equal(0, await SuppressionCountAsync());
    }

    [Fact]
    public async Task R12_the_confirmation_button_POST_suppresses_only_its_own_address()
    {
        var client = _harness.App.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });

        var response = await client.PostAsync(_urls["b@example.com"].PathAndQuery,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var again = await client.PostAsync(_urls["b@example.com"].PathAndQuery,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var suppressed = await _harness.QueryAsync(db => db.Suppressions.AsNoTracking().Select(s => s.Address).ToListAsync());
        Assert.Equal(["b@example.com"], suppressed);
    }

    [Fact]
    public async Task R12_a_token_moved_to_another_message_is_refused_and_writes_nothing()
    {
        var messages = await _harness.QueryAsync(db => db.Messages.AsNoTracking().ToDictionaryAsync(m => m.Address, m => m.Id));
        var token = _urls["a@example.com"].Segments.Last();
        var bytes = Base64Url.DecodeFromChars(token);
        BinaryPrimitives.WriteInt64BigEndian(bytes, messages["b@example.com"]);
        var forged = Base64Url.EncodeToString(bytes);
        var client = _harness.App.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });

        var post = await client.PostAsync($"/u/{forged}", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var get = await client.GetAsync($"/u/{forged}");
        var garbage = await client.PostAsync("/u/not-a-token", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        Assert.Equal(0, await SuppressionCountAsync());
    }

    [Fact]
    public async Task A_POST_without_the_one_click_body_is_refused()
    {
        var client = _harness.App.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });

        var response = await client.PostAsync(_urls["a@example.com"].PathAndQuery, new FormUrlEncodedContent([new("x", "y")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await SuppressionCountAsync());
    }

    private Task<int> SuppressionCountAsync() => _harness.QueryAsync(db => db.Suppressions.CountAsync());
}
