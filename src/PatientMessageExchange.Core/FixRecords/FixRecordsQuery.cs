namespace PatientMessageExchange.Core.FixRecords;

/// <summary>Filters for the worklist; dates are whole UTC days, both ends included.</summary>
public sealed record FixRecordsQuery(FixReason? Reason = null, DateOnly? From = null, DateOnly? To = null, int Page = 1,
    int PageSize = 50);
