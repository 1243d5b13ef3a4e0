namespace PatientMessageExchange.IntegrationTests.Twilio;

public sealed record WebhookResponse(int StatusCode, string Body);
