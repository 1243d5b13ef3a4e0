using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Reports;

namespace PatientMessageExchange.Web.Features.MessagesSent;

/// <summary>One page of a group's messages (or of the inbound replies), with what the rows need to show.</summary>
public sealed record MessagesSentDetailModel(
    MessagesSentQuery Query,
    ReportPeriod Period,
    TimeZoneInfo Zone,
    PagedList<MessagesSentRow>? Messages,
    PagedList<InboundReplyRow>? Replies);
