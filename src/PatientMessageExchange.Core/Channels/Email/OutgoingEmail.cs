namespace PatientMessageExchange.Core.Channels.Email;

/// <summary>
/// One email ready to go. <see cref="MessageId"/> is our message row's id: the Message-ID header and the SMTP
/// envelope id are derived from it, so a bounce can be matched back to the send.
/// </summary>
public sealed record OutgoingEmail(
    long MessageId,
    string To,
    string FromName,
    string Subject,
    string HtmlBody,
    IReadOnlyDictionary<string, string>? Headers = null);
