namespace PatientMessageExchange.Core.Bounces;

/// <summary>
/// One failed recipient of one delivery-status or feedback report, or one report we could not read. The raw report
/// is kept with it so that nothing is lost (R8), and <see cref="DedupeKey"/> makes processing a report twice give one
/// row (R9).
/// </summary>
public class Bounce
{
    public long Id { get; set; }

    /// <summary>A hash of the report's identity and the recipient; unique.</summary>
    public required string DedupeKey { get; set; }

    public BounceKind Kind { get; set; }

    /// <summary>The failed address, lower-cased; null when the report named none we could read.</summary>
    public string? Recipient { get; set; }

    public string? OriginalRecipient { get; set; }
    public string? Action { get; set; }

    /// <summary>The enhanced status code, e.g. 5.1.1.</summary>
    public string? Status { get; set; }

    public string? DiagnosticCode { get; set; }
    public string? RemoteMta { get; set; }
    public string? ReportingMta { get; set; }

    /// <summary>The ARF Feedback-Type of a complaint, e.g. abuse.</summary>
    public string? FeedbackType { get; set; }

    /// <summary>The report's own Message-ID.</summary>
    public string? ReportMessageId { get; set; }

    /// <summary>The Original-Envelope-Id the report carries back (ours look like pmx-123).</summary>
    public string? OriginalEnvelopeId { get; set; }

    /// <summary>The Message-ID of the returned original message (ours look like pmx-123@domain).</summary>
    public string? OriginalMessageId { get; set; }

    /// <summary>
    /// Our message id read from the envelope id or the original Message-ID. A plain column: the message rows live in
    /// the dispatch model, which uses it to update the message's status.
    /// </summary>
    public long? MessageId { get; set; }

    /// <summary>Set on the soft bounce that reached the threshold and was applied as a hard one.</summary>
    public bool TurnedHard { get; set; }

    /// <summary>How many contact points this bounce marked.</summary>
    public int ContactPointsMarked { get; set; }

    public string? Subject { get; set; }

    /// <summary>Why an Unclassified row needs a person ("no failed recipient found in the notice"); null otherwise.</summary>
    public string? Problem { get; set; }

    /// <summary>When the report was written (its Date header), or when we read it when it has none.</summary>
    public DateTimeOffset ReceivedUtc { get; set; }

    public DateTimeOffset ProcessedUtc { get; set; }

    /// <summary>The whole report as it arrived, byte for byte.</summary>
    public required byte[] RawMessage { get; set; }
}
