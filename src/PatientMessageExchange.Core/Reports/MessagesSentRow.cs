using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Core.Reports;

/// <summary>One outbound message as the report lists and exports it.</summary>
/// <param name="WhenUtc">When it was sent; for a message that never reached a provider, when it was given up.</param>
/// <param name="Patient">"Last, First", or null for a broadcast to an address with no patient.</param>
/// <param name="Credits">What it was charged: its cost if a provider accepted it, otherwise nothing.</param>
/// <param name="Problem">The error in plain words, or null when there was none.</param>
public sealed record MessagesSentRow(
    long MessageId,
    DateTimeOffset WhenUtc,
    ContactMode Mode,
    string? Patient,
    string Address,
    long CampaignId,
    string Campaign,
    Need Need,
    string Sender,
    MessageStatus Status,
    int Credits,
    string? Problem)
{
    public string PatientOrAddress => Patient ?? Address;
}
