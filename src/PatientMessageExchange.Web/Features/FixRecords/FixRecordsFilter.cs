using PatientMessageExchange.Core.FixRecords;

namespace PatientMessageExchange.Web.Features.FixRecords;

public sealed class FixRecordsFilter
{
    public FixReason? Reason { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int Page { get; set; } = 1;

    public FixRecordsQuery ToQuery() => new(Reason, From, To, Page);
}
