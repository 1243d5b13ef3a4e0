using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.FixRecords;

namespace PatientMessageExchange.Web.Features.FixRecords;

public sealed record FixRecordsModel(FixRecordsFilter Filter, PagedList<FixRecordItem> Items, Func<string, string> FormatPhone);
