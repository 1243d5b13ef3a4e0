using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.Reports;

/// <summary>
/// Narrows the message lists and the exports. The group totals ignore it, so that they always cover the whole period
/// and can be checked against the ledger.
/// </summary>
/// <param name="Automated">True: only messages automated-message rules sent; false: only those a person sent.</param>
public sealed record MessagesSentFilter(
    ContactMode? Mode = null,
    long? CampaignId = null,
    Need? Need = null,
    string? StaffUserId = null,
    MessageStatus? Status = null,
    bool? Automated = null)
{
    public static readonly MessagesSentFilter None = new();
}
