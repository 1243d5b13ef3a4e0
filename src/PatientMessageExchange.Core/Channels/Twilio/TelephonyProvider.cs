namespace PatientMessageExchange.Core.Channels.Twilio;

/// <summary>Who carries texts or calls: the outbox (the embedded default: recorded, nothing leaves) or Twilio.</summary>
public enum TelephonyProvider
{
    Outbox = 1,
    Twilio = 2,
}
