namespace PatientMessageExchange.Core.Channels.Twilio;

public class VoiceOptions
{
    public const string Section = "Voice";

    public TelephonyProvider Provider { get; set; } = TelephonyProvider.Outbox;
}
