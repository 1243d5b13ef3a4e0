using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Web.Features.Templates;

/// <summary>Patients matching the preview search, for the editor to pick one from.</summary>
public sealed record PatientChoicesModel(string? Query, IReadOnlyList<PatientListItem> Patients, int TotalCount);
