namespace PatientMessageExchange.Core.Channels.Twilio;

/// <summary>What a text or call gateway answered. <see cref="Detail"/> may hold the number; it is shown, never logged.</summary>
public sealed record GatewayResult(GatewayOutcome Outcome, string? Sid, int? ErrorCode = null, string? Detail = null, TimeSpan? RetryAfter = null)
{
    public static GatewayResult Accepted(string sid) => new(GatewayOutcome.Accepted, sid);
}
