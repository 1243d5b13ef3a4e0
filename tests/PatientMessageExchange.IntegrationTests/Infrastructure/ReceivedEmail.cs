using MimeKit;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>One message as the test SMTP server received it: the envelope and the parsed MIME message.</summary>
public sealed record ReceivedEmail(string EnvelopeFrom, IReadOnlyList<string> Recipients, MimeMessage Message, string? EnvelopeId);
