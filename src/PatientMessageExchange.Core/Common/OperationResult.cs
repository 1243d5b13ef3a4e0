namespace PatientMessageExchange.Core.Common;

/// <summary>The outcome of a change a user asked for: done, or refused with a message and the field at fault.</summary>
public sealed record OperationResult(bool Succeeded, string? Error, string? Field)
{
    public static readonly OperationResult Ok = new(true, null, null);

    public static OperationResult Fail(string error, string? field = null) => new(false, error, field);
}
