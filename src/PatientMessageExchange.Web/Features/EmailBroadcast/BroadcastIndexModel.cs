using PatientMessageExchange.Core.Broadcasts;
using PatientMessageExchange.Core.Common;

namespace PatientMessageExchange.Web.Features.EmailBroadcast;

public sealed record BroadcastIndexModel(PagedList<BroadcastSummary> Broadcasts, TimeZoneInfo Zone);
