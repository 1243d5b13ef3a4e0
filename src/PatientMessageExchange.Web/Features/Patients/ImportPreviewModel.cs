using PatientMessageExchange.Core.Patients.Import;

namespace PatientMessageExchange.Web.Features.Patients;

public sealed record ImportPreviewModel(ImportPreview Preview, string Token, string FileName);
