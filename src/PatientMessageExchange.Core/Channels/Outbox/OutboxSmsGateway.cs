using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Channels.Twilio;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.Core.Channels.Outbox;

/// <summary>
/// The embedded default for texts: each one is written to the outbox folder, then "sent" and "delivered" callbacks
/// are simulated through the same <see cref="ProviderStatusRecorder"/> the Twilio webhook uses. They arrive before the
/// dispatcher stores the id, just as a fast real callback can, and wait for it.
/// </summary>
public sealed class OutboxSmsGateway(IOptions<OutboxOptions> outbox, IServiceScopeFactory scopes, TimeProvider clock) : ISmsGateway
{
    public static string SidFor(long messageId) => "SMoutbox" + messageId.ToString(CultureInfo.InvariantCulture);

    public async Task<GatewayResult> SendAsync(OutgoingSms sms, CancellationToken ct)
    {
        var sid = SidFor(sms.MessageId);
        await OutboxTelephony.WriteAsync(outbox.Value.Folder, OutboxTelephony.SmsFolder,
            new OutboxTelephonyRecord(sms.MessageId, sid, sms.To, sms.Body, null, clock.GetUtcNow()), ct);
        await using var scope = scopes.CreateAsyncScope();
        var statuses = scope.ServiceProvider.GetRequiredService<ProviderStatusRecorder>();
        await statuses.RecordAsync(sid, "sent", null, ct);
        await statuses.RecordAsync(sid, "delivered", null, ct);
        return GatewayResult.Accepted(sid);
    }

    public Task<string?> FindAsync(OutgoingSms sms, DateTimeOffset sinceUtc, CancellationToken ct) =>
        Task.FromResult(OutboxTelephony.Find(outbox.Value.Folder, OutboxTelephony.SmsFolder, sms.MessageId)?.Sid);
}
