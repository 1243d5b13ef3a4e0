using PatientMessageExchange.Core.Campaigns;

namespace PatientMessageExchange.Core.Reports;

/// <summary>How many messages ended in each final status.</summary>
public sealed record StatusCounts(int Sent, int Delivered, int Undelivered, int Bounced, int Failed, int Cancelled)
{
    public static readonly StatusCounts Zero = new(0, 0, 0, 0, 0, 0);

    /// <summary>The final statuses in the order the report shows them.</summary>
    public static readonly IReadOnlyList<MessageStatus> Columns =
    [
        MessageStatus.Sent, MessageStatus.Delivered, MessageStatus.Failed, MessageStatus.Bounced,
        MessageStatus.Undelivered, MessageStatus.Cancelled,
    ];

    public int Total => Sent + Delivered + Undelivered + Bounced + Failed + Cancelled;

    public int this[MessageStatus status] => status switch
    {
        MessageStatus.Sent => Sent,
        MessageStatus.Delivered => Delivered,
        MessageStatus.Undelivered => Undelivered,
        MessageStatus.Bounced => Bounced,
        MessageStatus.Failed => Failed,
        MessageStatus.Cancelled => Cancelled,
        _ => 0,
    };

    public StatusCounts Add(MessageStatus status, int count) => status switch
    {
        MessageStatus.Sent => this with { Sent = Sent + count },
        MessageStatus.Delivered => this with { Delivered = Delivered + count },
        MessageStatus.Undelivered => this with { Undelivered = Undelivered + count },
        MessageStatus.Bounced => this with { Bounced = Bounced + count },
        MessageStatus.Failed => this with { Failed = Failed + count },
        MessageStatus.Cancelled => this with { Cancelled = Cancelled + count },
        _ => this,
    };

    public StatusCounts Plus(StatusCounts other) => new(Sent + other.Sent, Delivered + other.Delivered,
        Undelivered + other.Undelivered, Bounced + other.Bounced, Failed + other.Failed, Cancelled + other.Cancelled);
}
