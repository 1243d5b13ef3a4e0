using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Reports;

namespace PatientMessageExchange.Web.Features.MessagesSent;

/// <summary>
/// The print page: the report with every message of each group (streamed by the view as it writes them), the inbound
/// replies, and who printed it when. <see cref="Counts"/> holds how many messages each group prints.
/// </summary>
public sealed record MessagesSentPrintModel(
    string PracticeName,
    MessagesSentReport Report,
    TimeZoneInfo Zone,
    DateTimeOffset PrintedUtc,
    string PrintedBy,
    IReadOnlyDictionary<ContactMode, int> Counts,
    Func<ContactMode, IAsyncEnumerable<MessagesSentRow>> Rows,
    Func<IAsyncEnumerable<InboundReplyRow>> Replies)
{
    /// <summary>The view flushes what it wrote to the response after every this many rows.</summary>
    public const int FlushEvery = 500;
}
