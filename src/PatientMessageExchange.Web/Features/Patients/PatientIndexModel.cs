using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Web.Features.Patients;

public sealed record PatientIndexModel(PatientSearch Search, PagedList<PatientListItem> Results, DateOnly Today);
