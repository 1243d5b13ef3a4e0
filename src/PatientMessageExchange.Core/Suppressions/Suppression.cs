namespace PatientMessageExchange.Core.Suppressions;

/// <summary>
/// An address that must not be sent to on a channel (a hard bounce, a STOP reply, an unsubscribe), whichever
/// patient's chart it appears on. Bounce handling and webhooks add rows; resolution honours them.
/// </summary>
public class Suppression
{
    public int Id { get; set; }

    /// <summary>Normalized like <see cref="Patients.ContactPoint.Value"/>: a lower-cased email or an E.164 number.</summary>
    public required string Address { get; set; }

    public SuppressionChannel Channel { get; set; }

    public required string Reason { get; set; }

    /// <summary>
    /// True for a broadcast unsubscribe: the address stops taking announcements (the marketing needs) but still gets
    /// care messages (reminders, confirmations, recalls). Hard bounces, complaints and STOP block every need.
    /// </summary>
    public bool AnnouncementsOnly { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}
