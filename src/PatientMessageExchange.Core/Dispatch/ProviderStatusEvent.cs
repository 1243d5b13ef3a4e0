namespace PatientMessageExchange.Core.Dispatch;

/// <summary>
/// One status callback as received, unique on (sid, status) so a repeated callback is recognised (R3). A callback that
/// arrives before the dispatcher has stored the provider id waits here and is applied when it is stored.
/// </summary>
public class ProviderStatusEvent
{
    public long Id { get; set; }
    public required string Sid { get; set; }
    public required string Status { get; set; }
    public int? ErrorCode { get; set; }
    public DateTimeOffset ReceivedUtc { get; set; }
}
