namespace PatientMessageExchange.Core.Reports;

/// <summary>
/// The Messages Sent figures for a period: a group per contact mode, the inbound replies, the totals, and the ledger's
/// own sum of charges for the same period to check them against.
/// </summary>
public sealed record MessagesSentReport(
    ReportPeriod Period,
    IReadOnlyList<MessagesSentGroup> Groups,
    InboundRepliesGroup Inbound,
    long ChargedPerLedger)
{
    public StatusCounts OutboundCounts => Groups.Aggregate(StatusCounts.Zero, (sum, g) => sum.Plus(g.Counts));

    public long OutboundCredits => Groups.Sum(g => g.Credits);

    /// <summary>Everything charged in the period: outbound messages plus inbound replies.</summary>
    public long TotalCredits => OutboundCredits + Inbound.Credits;

    /// <summary>Ledger minus report; anything but zero is flagged on the page and in print.</summary>
    public long LedgerDifference => ChargedPerLedger - TotalCredits;

    public bool Reconciles => LedgerDifference == 0;
}
