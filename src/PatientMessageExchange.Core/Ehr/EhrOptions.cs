using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Core.Ehr;

/// <summary>Operational settings of the FHIR sync (configuration section "Ehr"); the connection itself is set on the screen.</summary>
public class EhrOptions
{
    public const string Section = "Ehr";

    /// <summary>How long one request to the EHR may take before the run stops with a timeout.</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 60;

    /// <summary>Resources asked for per page (_count).</summary>
    [Range(10, 2000)]
    public int PageSize { get; set; } = 1000;

    /// <summary>Attempts at writing one answer back before it is shown as failed.</summary>
    [Range(1, 50)]
    public int WriteBackAttempts { get; set; } = 8;

    /// <summary>The first retry waits this long; each later one twice as long as the one before, up to six hours.</summary>
    [Range(1, 3600)]
    public int WriteBackFirstRetrySeconds { get; set; } = 60;

    /// <summary>How often the write-back queue is worked (a cron expression for Hangfire).</summary>
    [Required]
    public string WriteBackCron { get; set; } = "* * * * *";
}
