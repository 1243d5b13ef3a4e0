using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Broadcasts;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.EmailBroadcast;

public static partial class BroadcastHelpers
{
    public static readonly BroadcastContent FluClinic = new(null, "Flu clinic this Saturday",
        "<p>Flu shots for the whole family at {{ practice.name }}, Saturday 9–12. No appointment needed.</p>");

    public static async Task<BroadcastSendResult> SendAsync(PmxAppFactory app, BroadcastListRequest list, BroadcastContent? content = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BroadcastComposer>()
            .SendAsync(new BroadcastOrder(list, content ?? FluClinic, null, null));
    }

    /// <summary>The URL inside a List-Unsubscribe header value such as <c>&lt;https://…/u/token&gt;</c>.</summary>
    public static Uri UnsubscribeUrl(string? headerValue) => new(UrlInBrackets().Match(headerValue ?? "").Groups[1].Value);

    [GeneratedRegex("<(https?://[^>]+)>")]
    private static partial Regex UrlInBrackets();
}
