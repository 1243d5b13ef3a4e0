using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Campaigns;

public static class ChannelExtensions
{
    public static Channel ToChannel(this ContactMode mode) => mode switch
    {
        ContactMode.Email or ContactMode.WorkEmail => Channel.Email,
        ContactMode.Text => Channel.Sms,
        _ => Channel.Voice,
    };
}
