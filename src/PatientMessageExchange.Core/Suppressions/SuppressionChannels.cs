using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Suppressions;

public static class SuppressionChannels
{
    public static SuppressionChannel Of(ContactMode mode) => mode switch
    {
        ContactMode.Email or ContactMode.WorkEmail => SuppressionChannel.Email,
        ContactMode.Text => SuppressionChannel.Sms,
        _ => SuppressionChannel.Voice,
    };
}
