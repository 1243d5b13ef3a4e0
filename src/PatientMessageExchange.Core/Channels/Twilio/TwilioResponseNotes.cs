namespace PatientMessageExchange.Core.Channels.Twilio;

/// <summary>What <see cref="TwilioHttpHandler"/> saw on the wire that the SDK does not pass on.</summary>
public sealed class TwilioResponseNotes
{
    public TimeSpan? RetryAfter { get; set; }
}
