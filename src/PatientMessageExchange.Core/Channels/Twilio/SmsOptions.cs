namespace PatientMessageExchange.Core.Channels.Twilio;

public class SmsOptions
{
    public const string Section = "Sms";

    public TelephonyProvider Provider { get; set; } = TelephonyProvider.Outbox;
}
