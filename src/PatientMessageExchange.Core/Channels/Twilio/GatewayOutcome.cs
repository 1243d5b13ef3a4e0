namespace PatientMessageExchange.Core.Channels.Twilio;

public enum GatewayOutcome
{
    /// <summary>The provider created the text or call.</summary>
    Accepted,

    /// <summary>429: nothing was created; try again after the wait.</summary>
    Throttled,

    /// <summary>A timeout, a dropped connection or a 5xx: it may or may not have been created. Look it up before resending.</summary>
    Ambiguous,

    /// <summary>A 4xx with an error code: nothing was created.</summary>
    Refused,
}
