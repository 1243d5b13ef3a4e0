using System.Security.Cryptography;
using PatientMessageExchange.Core.Channels.Email;

namespace PatientMessageExchange.Core.Bounces;

/// <summary>
/// One parsed report: its identity, the ids it carries back, and the recipients that failed. A report that only
/// says "delayed" or "delivered" has no recipients; one we could not read has a single Unclassified recipient.
/// </summary>
public sealed class BounceReport
{
    public required byte[] RawMessage { get; init; }
    public string? ReportMessageId { get; init; }
    public string? Subject { get; init; }
    public DateTimeOffset? DateUtc { get; init; }
    public string? ReportingMta { get; init; }
    public string? OriginalEnvelopeId { get; init; }
    public string? OriginalMessageId { get; init; }
    public IReadOnlyList<BounceRecipient> Recipients { get; init; } = [];

    /// <summary>Which reader understood it ("DSN", "ARF", "Amazon SES", or a text family such as "Exim"); null when none did.</summary>
    public string? Family { get; init; }

    /// <summary>Why the report is unclassified, for the log; null when it was read.</summary>
    public string? Problem { get; init; }

    /// <summary>Our message id, from the envelope id first (it survives forwarding), else the original Message-ID.</summary>
    public long? MessageId =>
        MimeMessageFactory.ParseMessageId(OriginalEnvelopeId) ?? MimeMessageFactory.ParseMessageId(OriginalMessageId);

    /// <summary>
    /// The report's identity: its own Message-ID, else a hash of its bytes. Either is the same each time the same
    /// report is read, which is what makes processing idempotent (R9).
    /// </summary>
    public string ReportKey => string.IsNullOrWhiteSpace(ReportMessageId)
        ? "sha256:" + Convert.ToHexString(SHA256.HashData(RawMessage))
        : "mid:" + ReportMessageId.Trim();

    public string DedupeKeyFor(BounceRecipient recipient)
    {
        var identity = $"{ReportKey}\n{recipient.Recipient}";
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity)));
    }
}
