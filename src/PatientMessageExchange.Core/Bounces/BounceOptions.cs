using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Core.Bounces;

public class BounceOptions
{
    public const string Section = "Bounces";

    /// <summary>This many soft bounces of one address within <see cref="SoftBounceWindowDays"/> count as a hard bounce.</summary>
    [Range(1, 100)]
    public int SoftBounceThreshold { get; set; } = 3;

    [Range(1, 365)]
    public int SoftBounceWindowDays { get; set; } = 30;

    /// <summary>This many blocked bounces within <see cref="BlockedWarningWindowDays"/> put a warning on the Bounces page.</summary>
    [Range(1, 1000)]
    public int BlockedWarningThreshold { get; set; } = 3;

    [Range(1, 365)]
    public int BlockedWarningWindowDays { get; set; } = 7;
}
