using PatientMessageExchange.Core.Credits;

namespace PatientMessageExchange.Web.Features.CreditAdmin;

/// <summary>The ledger check page: the integrity report, the latest adjustments and refunds, and the adjustment form.</summary>
public sealed record LedgerCheckModel(CreditIntegrityReport Report, IReadOnlyList<CreditLedgerEntry> Corrections, AdjustForm Form);
