namespace PatientMessageExchange.Core.Channels.Twilio;

/// <summary>One text to send: our message id, the E.164 number and the rendered body.</summary>
public sealed record OutgoingSms(long MessageId, string To, string Body);
