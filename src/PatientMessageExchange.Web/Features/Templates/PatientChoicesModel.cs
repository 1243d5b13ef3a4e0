using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Web.Features.Templates;

/// <summary>
/// Patients matching the preview search, for the editor to pick one from; <see cref="FormSelector"/> is the form whose
/// text the preview renders (the template editor's, or the composer's written message).
/// </summary>
public sealed record PatientChoicesModel(string? Query, IReadOnlyList<PatientListItem> Patients, int TotalCount,
    string FormSelector = "#template-form");
