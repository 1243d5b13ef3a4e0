namespace PatientMessageExchange.Core.Channels.Twilio;

/// <summary>What an error code from Twilio asks of us (R4).</summary>
public enum TwilioErrorAction
{
    None,

    /// <summary>30003 unreachable handset: try once more later.</summary>
    RetryOnceLater,

    /// <summary>30006: a landline can't take texts; flag the number and suggest a call.</summary>
    Landline,

    /// <summary>21211, 21614, 30005: the number is wrong or unknown.</summary>
    Invalid,

    /// <summary>21610: the recipient unsubscribed (replied STOP at the carrier).</summary>
    OptedOut,
}
