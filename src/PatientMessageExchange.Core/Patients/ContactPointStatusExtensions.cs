namespace PatientMessageExchange.Core.Patients;

/// <summary>Plain words for staff; the enum names are for code.</summary>
public static class ContactPointStatusExtensions
{
    public static string Describe(this ContactPointStatus status) => status switch
    {
        ContactPointStatus.OptedOut => "Opted out",
        _ => status.ToString(),
    };
}
