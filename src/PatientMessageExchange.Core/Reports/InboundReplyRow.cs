namespace PatientMessageExchange.Core.Reports;

/// <summary>One charged inbound reply, as the ledger knows it.</summary>
public sealed record InboundReplyRow(long LedgerEntryId, long InboundMessageId, DateTimeOffset ReceivedUtc, int Credits);
