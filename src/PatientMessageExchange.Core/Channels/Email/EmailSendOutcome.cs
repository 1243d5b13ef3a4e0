namespace PatientMessageExchange.Core.Channels.Email;

public enum EmailSendOutcome
{
    /// <summary>The server answered 250 to the message: it is the server's now.</summary>
    Accepted,

    /// <summary>4xx, a dropped connection or an unreachable server: try again later.</summary>
    Transient,

    /// <summary>5xx for the message or the sender: retrying will not help.</summary>
    Permanent,

    /// <summary>5xx for the recipient (5.1.x): a hard bounce; the address needs fixing.</summary>
    RecipientRejected,
}
