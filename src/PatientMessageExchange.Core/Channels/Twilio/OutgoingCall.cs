namespace PatientMessageExchange.Core.Channels.Twilio;

/// <summary>One call to place; what it says is served from our app at the message's TwiML URL.</summary>
public sealed record OutgoingCall(long MessageId, string To, string Script, string? Language);
