namespace PatientMessageExchange.Core.Credits;

/// <summary>A ledger write reused a key that already stands for a different movement: a defect in the caller.</summary>
public class IdempotencyKeyConflictException(string key)
    : InvalidOperationException($"The idempotency key '{key}' was already used for a different ledger entry.");
