namespace PatientMessageExchange.Core.Replies;

/// <summary>A text as Twilio (or the outbox's simulation) delivered it.</summary>
public sealed record InboundSms(string MessageSid, string From, string To, string Body);
