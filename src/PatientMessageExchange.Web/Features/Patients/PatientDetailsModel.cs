using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Web.Features.Patients;

public sealed record PatientDetailsModel(
    Patient Patient,
    DateOnly Today,
    TimeZoneInfo Zone,
    ContactPointForm NewContact,
    int? EditingContactPointId,
    ContactPointForm? EditContact,
    Func<string, string> FormatPhone,
    PatientPreferencesPanel Preferences);
