namespace PatientMessageExchange.Core.Patients;

public static class ContactModeExtensions
{
    public static bool IsEmail(this ContactMode mode) => mode is ContactMode.Email or ContactMode.WorkEmail;

    public static bool IsPhoneNumber(this ContactMode mode) => !mode.IsEmail();

    public static string DisplayName(this ContactMode mode) => mode switch
    {
        ContactMode.Email => "Email",
        ContactMode.Text => "Text",
        ContactMode.Phone => "Phone",
        ContactMode.WorkEmail => "Work email",
        ContactMode.WorkPhone => "Work phone",
        _ => mode.ToString(),
    };
}
