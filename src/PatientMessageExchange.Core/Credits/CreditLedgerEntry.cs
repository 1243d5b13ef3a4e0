using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Credits;

/// <summary>
/// One append-only movement of credits. <see cref="Amount"/> is signed in the direction of its kind: Purchase, Bonus
/// and Release are positive, Reserve and Charge negative, Adjustment either. What it does to the two totals:
/// <list type="bullet">
/// <item>Purchase, Bonus, Adjustment, Refund (negative: a refunded purchase's credits and bonus): Available += Amount.</item>
/// <item>Reserve: Available += Amount (negative), Reserved -= Amount.</item>
/// <item>Release: Available += Amount (positive), Reserved -= Amount.</item>
/// <item>Charge of an outbound message (<see cref="MessageId"/> set): Reserved += Amount; Available is untouched
/// because the credits were taken from it when the campaign reserved them.</item>
/// <item>Charge of an inbound reply (<see cref="InboundMessageId"/> set): Available += Amount, possibly below zero.</item>
/// </list>
/// </summary>
public class CreditLedgerEntry : IAppendOnly
{
    public long Id { get; set; }
    public CreditEntryKind Kind { get; set; }
    public int Amount { get; set; }
    public int AvailableAfter { get; set; }
    public int ReservedAfter { get; set; }
    public required string IdempotencyKey { get; set; }
    public int? PurchaseId { get; set; }
    public long? CampaignId { get; set; }

    /// <summary>The outbound message a Charge or Release resolves. Unique: each message's share resolves once.</summary>
    public long? MessageId { get; set; }

    public long? InboundMessageId { get; set; }

    /// <summary>The contact mode a Charge paid for, until messages carry it themselves.</summary>
    public ContactMode? ContactMode { get; set; }

    public string? Reason { get; set; }
    public string? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public DateTimeOffset CreatedUtc { get; set; }
}
