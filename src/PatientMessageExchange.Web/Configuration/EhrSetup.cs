using PatientMessageExchange.Core.Ehr;

namespace PatientMessageExchange.Web.Configuration;

public static class EhrSetup
{
    /// <summary>The FHIR R4 connection to the practice's EHR: the sync, the write-back outbox and their recurring jobs.</summary>
    public static void AddEhr(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EhrOptions>().BindConfiguration(EhrOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EhrSecrets>();
        services.AddScoped<EhrConnectionSettings>();
        services.AddScoped<EhrSyncReports>();
        services.AddScoped<EhrSync>();
        services.AddScoped<EhrWriteBackProcessor>();
        services.AddScoped<EhrJobs>();
        services.AddHostedService<EhrJobsRegistration>();
    }
}
