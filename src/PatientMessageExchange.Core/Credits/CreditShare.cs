using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Credits;

/// <summary>One message's part of its campaign's reservation: what charging or releasing it moves.</summary>
public sealed record CreditShare(long MessageId, long CampaignId, int Credits, ContactMode Mode);
