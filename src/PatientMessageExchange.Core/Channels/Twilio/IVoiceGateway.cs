namespace PatientMessageExchange.Core.Channels.Twilio;

public interface IVoiceGateway
{
    Task<GatewayResult> CallAsync(OutgoingCall call, CancellationToken ct);

    /// <summary>Finds a call the provider already created to this number since <paramref name="sinceUtc"/>, or null.</summary>
    Task<string?> FindAsync(OutgoingCall call, DateTimeOffset sinceUtc, CancellationToken ct);
}
