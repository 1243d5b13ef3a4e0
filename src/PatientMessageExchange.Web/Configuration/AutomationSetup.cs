using Hangfire;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Replies;

namespace PatientMessageExchange.Web.Configuration;

public static class AutomationSetup
{
    /// <summary>Automated-message rules, the scheduler and its recurring job.</summary>
    public static void AddAutomation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AutomationOptions>().BindConfiguration(AutomationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AutomationRules>();
        services.AddScoped<AutomationSeeder>();
        services.AddScoped<AutomationDueFinder>();
        services.AddScoped<AutomationNotices>();
        services.AddScoped<AutomationScheduler>();
        services.AddScoped<AutomationJob>();
        services.AddScoped<AutomationPreview>();
        services.AddScoped<EmailResponder>();
        services.AddScoped<Cancellations>();
        if (builder.Configuration.GetHostingRole() != HostingRole.Web)
        {
            services.AddHostedService<AutomationJobRegistration>();
        }
    }
}

/// <summary>Registers the recurring scheduler on start; the job carries no data.</summary>
public sealed class AutomationJobRegistration(IRecurringJobManager jobs, IOptions<AutomationOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<AutomationJob>(AutomationJob.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            $"*/{options.Value.TickMinutes} * * * *");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
