namespace PatientMessageExchange.Core.Data;

public class AppendOnlyViolationException(string entity)
    : InvalidOperationException($"{entity} rows are append-only; write a correcting entry instead.");
