using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Common;

namespace PatientMessageExchange.Web.Features.Audit;

public sealed record AuditIndexModel(AuditQuery Query, PagedList<AuditEvent> Events, IReadOnlyList<string> Actions, TimeZoneInfo Zone);
