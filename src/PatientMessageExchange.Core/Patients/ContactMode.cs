namespace PatientMessageExchange.Core.Patients;

/// <summary>The contact modes the original product groups its reports by.</summary>
public enum ContactMode
{
    Email = 1,
    Text = 2,
    Phone = 3,
    WorkEmail = 4,
    WorkPhone = 5,
}
