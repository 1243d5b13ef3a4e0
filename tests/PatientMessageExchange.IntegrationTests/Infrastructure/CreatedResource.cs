namespace PatientMessageExchange.IntegrationTests.Infrastructure;

public sealed record CreatedResource(string Sid, bool IsMessage, string To, string Body, DateTimeOffset CreatedUtc, Dictionary<string, string> Fields);
