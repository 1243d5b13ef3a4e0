using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Web.Configuration;

/// <summary>How long a signed-in session lasts: idle at a front-desk screen, and at most in total.</summary>
public class SessionPolicyOptions
{
    public const string Section = "Security:Session";

    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:05:00", "24:00:00")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(10);

    [Range(1, 10_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;
}
