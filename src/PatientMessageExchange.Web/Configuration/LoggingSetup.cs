using Serilog;
using Serilog.Events;

namespace PatientMessageExchange.Web.Configuration;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog to the console and a daily file in the data folder. Nothing here logs request bodies, query strings or
    /// SQL parameters, which is where PHI would leak; code logs ids and counts only.
    /// </summary>
    public static void AddLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Hangfire", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(Path.Combine(services.GetRequiredService<DataFolder>().Path, "logs", "pmx-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture),
            // Each host keeps its own logger instead of taking over the static one, so two hosts in one process
            // (tests, benchmarks) never write through, or dispose, each other's.
            preserveStaticLogger: true);
    }

    public static void UseRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // The path only: query strings carry search terms, which can be patient names.
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0} ms";
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/lib")
                    ? LogEventLevel.Debug
                    : LogEventLevel.Information;
        });
}
