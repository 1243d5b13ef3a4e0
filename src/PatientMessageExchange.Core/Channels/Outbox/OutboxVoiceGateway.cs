using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Channels.Twilio;
using PatientMessageExchange.Core.Dispatch;

namespace PatientMessageExchange.Core.Channels.Outbox;

/// <summary>
/// The embedded default for calls: the call's script is written to the outbox folder and a "completed" callback is
/// simulated; staff can then simulate a keypress on the Outbox page.
/// </summary>
public sealed class OutboxVoiceGateway(IOptions<OutboxOptions> outbox, IServiceScopeFactory scopes, TimeProvider clock) : IVoiceGateway
{
    public static string SidFor(long messageId) => "CAoutbox" + messageId.ToString(CultureInfo.InvariantCulture);

    public async Task<GatewayResult> CallAsync(OutgoingCall call, CancellationToken ct)
    {
        var sid = SidFor(call.MessageId);
        await OutboxTelephony.WriteAsync(outbox.Value.Folder, OutboxTelephony.CallsFolder,
            new OutboxTelephonyRecord(call.MessageId, sid, call.To, call.Script, call.Language, clock.GetUtcNow()), ct);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProviderStatusRecorder>().RecordAsync(sid, "completed", null, ct);
        return GatewayResult.Accepted(sid);
    }

    public Task<string?> FindAsync(OutgoingCall call, DateTimeOffset sinceUtc, CancellationToken ct) =>
        Task.FromResult(OutboxTelephony.Find(outbox.Value.Folder, OutboxTelephony.CallsFolder, call.MessageId)?.Sid);
}
