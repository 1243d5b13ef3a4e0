using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Channels.Outbox;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.FixRecords;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Patients.Import;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Replies;
using PatientMessageExchange.Core.Reports;
using PatientMessageExchange.Core.Templates;
using PatientMessageExchange.Web.Features.Patients;
using PatientMessageExchange.Web.Features.Setup;

namespace PatientMessageExchange.Web.Configuration;

public static class FeaturesSetup
{
    /// <summary>MVC with one folder per tab, and the Core services the tabs call.</summary>
    public static void AddFeatures(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddControllersWithViews(options =>
            {
                // Every unsafe request needs an antiforgery token; webhooks opt out one by one.
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            });
        services.Configure<RazorViewEngineOptions>(options =>
        {
            options.ViewLocationFormats.Clear();
            options.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
            options.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
        });

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PatientRegistryOptions>().BindConfiguration(PatientRegistryOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ContactNormalizer>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<PracticeProfileCache>();
        services.AddScoped<PracticeDirectory>();
        services.AddScoped<Features.Shared.PracticeTime>();
        services.AddScoped<PatientDirectory>();
        services.AddScoped<ICsvImporter, PatientCsvImporter>();
        services.AddScoped<ICsvImporter, AppointmentCsvImporter>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<ScheduleBook>();
        services.AddScoped<ContactResolver>();
        services.AddScoped<ContactPreferenceBook>();
        services.AddScoped<FixRecordsWorklist>();
        services.AddScoped<FollowUpList>();
        services.AddScoped<OutboxConversations>();
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<MergeDataFactory>();
        services.AddScoped<TemplatePreviewer>();
        services.AddScoped<TemplateLibrary>();
        services.AddScoped<TemplateSeeder>();
        services.AddScoped<MessagesSentReporter>();
        services.AddScoped<MessagesSentExporter>();
        services.AddSingleton<ImportStaging>();
        services.AddSingleton<SetupState>();
    }

    public static void MapFeatures(this WebApplication app)
    {
        if (app.Configuration.GetHostingRole() == HostingRole.Worker)
        {
            app.MapHealthChecks("/health").AllowAnonymous();
            return;
        }
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
        app.MapHealthChecks("/health").AllowAnonymous();
    }
}
