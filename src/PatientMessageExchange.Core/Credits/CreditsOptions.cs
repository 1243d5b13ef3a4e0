using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Core.Credits;

public class CreditsOptions
{
    public const string Section = "Credits";

    /// <summary>Warn when the available balance falls below this many credits.</summary>
    [Range(0, 10_000_000)]
    public int LowBalanceThreshold { get; set; } = 500;

    /// <summary>How often the recurring job compares the entries with the balance row (a cron expression).</summary>
    [Required]
    public string IntegrityCheckCron { get; set; } = "0 * * * *";
}
