using PatientMessageExchange.Core.Reports;

namespace PatientMessageExchange.Web.Features.MessagesSent;

/// <summary>The print page: the report with each group's messages, and who printed it when.</summary>
public sealed record MessagesSentPrintModel(
    string PracticeName,
    MessagesSentReport Report,
    TimeZoneInfo Zone,
    DateTimeOffset PrintedUtc,
    string PrintedBy,
    IReadOnlyDictionary<Core.Patients.ContactMode, IReadOnlyList<MessagesSentRow>> Messages,
    IReadOnlyList<InboundReplyRow> Replies,
    int RowLimit);
