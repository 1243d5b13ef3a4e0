using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Campaigns;

public static class ChannelExtensions
{
    public static string DisplayName(this Channel channel) => channel switch
    {
        Channel.Email => "email",
        Channel.Sms => "text",
        _ => "phone call",
    };

    public static Channel ToChannel(this ContactMode mode) => mode switch
    {
        ContactMode.Email or ContactMode.WorkEmail => Channel.Email,
        ContactMode.Text => Channel.Sms,
        _ => Channel.Voice,
    };
}
