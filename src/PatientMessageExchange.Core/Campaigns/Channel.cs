using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>How a message travels; several contact modes share one channel (Email and WorkEmail are both email).</summary>
public enum Channel
{
    Email = 1,
    Sms = 2,
    Voice = 3,
}
