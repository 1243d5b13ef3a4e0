using PatientMessageExchange.Core.Broadcasts;

namespace PatientMessageExchange.Web.Features.EmailBroadcast;

public sealed record BroadcastDetailsModel(BroadcastReport Report, TimeZoneInfo Zone);
