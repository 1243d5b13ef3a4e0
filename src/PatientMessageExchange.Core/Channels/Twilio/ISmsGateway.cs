namespace PatientMessageExchange.Core.Channels.Twilio;

public interface ISmsGateway
{
    Task<GatewayResult> SendAsync(OutgoingSms sms, CancellationToken ct);

    /// <summary>
    /// Finds a text the provider already created for this message since <paramref name="sinceUtc"/>, or null when it has
    /// none. Used before any resend of an ambiguous attempt (R6).
    /// </summary>
    Task<string?> FindAsync(OutgoingSms sms, DateTimeOffset sinceUtc, CancellationToken ct);
}
