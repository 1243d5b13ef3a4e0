namespace PatientMessageExchange.Core.Patients;

/// <summary>The outcome of normalizing one contact value: the canonical value, or why it can't be used.</summary>
public readonly record struct NormalizedContact(string? Value, string? Error)
{
    public bool IsValid => Error is null;

    public static NormalizedContact Ok(string value) => new(value, null);

    public static NormalizedContact Fail(string error) => new(null, error);
}
