using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Ehr;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Ehr;

/// <summary>The app on a database of its own, connected to the test FHIR server; Hangfire's server is off (web role).</summary>
public static class EhrTestApp
{
    public static PmxAppFactory Create(int requestTimeoutSeconds = 20, int pageSize = 25) => new PmxAppFactory()
        .With("Hosting:Role", "Web")
        .With("Ehr:RequestTimeoutSeconds", requestTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Ehr:PageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static async Task ConnectAsync(this PmxAppFactory app, MedplumFhirServer server, Action<EhrConnection>? configure = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var connection = new EhrConnection
        {
            Enabled = true,
            BaseUrl = server.FhirBaseUrl,
            PatientIdentifierSystem = SyntheticEhr.MrnSystem,
            UpdatedUtc = app.Clock.GetUtcNow(),
        };
        configure?.Invoke(connection);
        db.EhrConnections.Add(connection);
        await db.SaveChangesAsync();
    }

    public static async Task<EhrSyncRun> SyncAsync(this PmxAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EhrSync>().RunAsync() ?? throw new InvalidOperationException("No connection.");
    }

    public static async Task<T> QueryAsync<T>(this PmxAppFactory app, Func<PmxDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        return await query(db);
    }

    public static Task<List<EhrSyncSkip>> SkipsAsync(this PmxAppFactory app, int runId) =>
        app.QueryAsync(db => db.EhrSyncSkips.Where(s => s.RunId == runId).ToListAsync());
}
