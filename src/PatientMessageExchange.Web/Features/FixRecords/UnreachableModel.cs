using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.FixRecords;
using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Web.Features.FixRecords;

public sealed record UnreachableModel(Need Need, UnreachableReason? Reason, PagedList<UnreachablePatient> Patients);
