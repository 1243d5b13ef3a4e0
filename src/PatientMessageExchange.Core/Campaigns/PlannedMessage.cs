using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>One message of a campaign before it is stored: who, how, what it says and what it costs.</summary>
public sealed record PlannedMessage(
    int? PatientId,
    int? ContactPointId,
    int? AppointmentId,
    ContactMode Mode,
    string Address,
    string? Subject,
    string Body,
    string? Language,
    int Segments,
    int Cost,
    DueItem? Due = null);
