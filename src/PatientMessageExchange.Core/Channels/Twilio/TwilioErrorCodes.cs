namespace PatientMessageExchange.Core.Channels.Twilio;

public static class TwilioErrorCodes
{
    public const int UnreachableHandset = 30003;
    public const int UnknownDestination = 30005;
    public const int Landline = 30006;
    public const int Unsubscribed = 21610;
    public const int InvalidToNumber = 21211;
    public const int NotMobileNumber = 21614;
    public const int TooManyRequests = 20429;

    public const string LandlineReason = "landline: use voice";

    public static TwilioErrorAction Classify(int? code) => code switch
    {
        UnreachableHandset => TwilioErrorAction.RetryOnceLater,
        Landline => TwilioErrorAction.Landline,
        UnknownDestination or InvalidToNumber or NotMobileNumber => TwilioErrorAction.Invalid,
        Unsubscribed => TwilioErrorAction.OptedOut,
        _ => TwilioErrorAction.None,
    };

    /// <summary>The reason written on the flagged contact point, for the fix-records worklist.</summary>
    public static string Reason(int code) => code switch
    {
        Landline => LandlineReason,
        UnknownDestination => "unknown number (Twilio 30005)",
        InvalidToNumber => "not a valid phone number (Twilio 21211)",
        NotMobileNumber => "not a mobile number (Twilio 21614)",
        Unsubscribed => "unsubscribed at the carrier (Twilio 21610)",
        _ => $"Twilio error {code}",
    };
}
