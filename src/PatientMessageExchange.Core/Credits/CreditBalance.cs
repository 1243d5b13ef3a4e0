namespace PatientMessageExchange.Core.Credits;

/// <summary>
/// The single row holding the practice's running totals. It is only ever changed by a conditional
/// <c>UPDATE … WHERE</c> in <see cref="CreditLedger"/>, in the same transaction as the entry that explains the change.
/// </summary>
public class CreditBalance
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Credits free to spend. Below zero only through inbound replies (an overdraft).</summary>
    public int Available { get; set; }

    /// <summary>Credits held for campaigns being sent.</summary>
    public int Reserved { get; set; }

    /// <summary>Bumped by every change; a concurrency token for any tracked update.</summary>
    public long Version { get; set; }
}
