namespace PatientMessageExchange.Web.Features.ContactPreferences;

public sealed record ContactPreferencesModel(IReadOnlyList<DefaultRow> Rows, bool CanEdit);
