namespace PatientMessageExchange.Core.Reports;

/// <summary>
/// Replies received in the period and what they were charged. Today it comes from the ledger's inbound Charge entries
/// (free STOP/HELP replies have none, so they are not counted); when replies get a table of their own, the detail rows
/// (<see cref="InboundReplyRow"/>) gain the sender and the text's status without this group changing shape.
/// </summary>
public sealed record InboundRepliesGroup(int Count, long Credits);
