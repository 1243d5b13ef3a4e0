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
}
