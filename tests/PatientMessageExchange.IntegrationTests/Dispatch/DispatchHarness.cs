using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Dispatch;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Dispatch;

/// <summary>The app sending email through MailKit to a real SMTP server on loopback, with credits to spend.</summary>
public sealed class DispatchHarness : IAsyncDisposable
{
    private DispatchHarness(SmtpSink sink, PmxAppFactory app, RecordingDispatchQueue? queue)
    {
        Sink = sink;
        App = app;
        Queue = queue;
    }

    public const string PublicBaseUrl = "https://pmx.test";

    public SmtpSink Sink { get; }
    public PmxAppFactory App { get; }

    /// <summary>Present when the test runs batches itself instead of through Hangfire.</summary>
    public RecordingDispatchQueue? Queue { get; }

    public static async Task<DispatchHarness> StartAsync(int credits, bool throughHangfire = false,
        IDictionary<string, string?>? settings = null)
    {
        var sink = await SmtpSink.StartAsync();
        var app = new PmxAppFactory()
            .With("Email:Provider", "Smtp")
            .With("Email:FromAddress", "messages@maple.example")
            .With("Email:Smtp:Host", "127.0.0.1")
            .With("Email:Smtp:Port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Email:Smtp:Security", "None")
            .With("Email:Smtp:PoolSize", "4")
            .With("App:PublicBaseUrl", PublicBaseUrl);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            app.With(key, value);
        }
        RecordingDispatchQueue? queue = null;
        if (!throughHangfire)
        {
            queue = new RecordingDispatchQueue();
            app.WithServices(services =>
            {
                services.RemoveAll<IDispatchQueue>();
                services.AddSingleton<IDispatchQueue>(queue);
            });
        }
        var harness = new DispatchHarness(sink, app, queue);
        await app.CompleteSetupAsync();
        if (credits > 0)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(credits, "test funding", "test:funding");
        }
        return harness;
    }

    public static CampaignDraft EmailDraft(int count, string prefix = "parent", int cost = 1) => new(
        CampaignKind.Personalized, "Test reminder", Need.AppointmentReminder, null, "Reminder for {{ patient.first_name }}",
        "<p>Hello {{ patient.first_name }}</p>", null, null, "test audience", null,
        Enumerable.Range(1, count).Select(i => new PlannedMessage(null, null, null, ContactMode.Email,
            $"{prefix}{i}@example.com", $"Reminder for child {i}", $"<p>Hello child {i}, see you soon.</p>", "en", 0, cost)).ToList(),
        []);

    public async Task<CampaignCreation> CreateAsync(CampaignDraft draft)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CampaignFactory>().CreateAsync(draft);
    }

    /// <summary>Runs every batch the app has queued, as the job runner would, until none is left.</summary>
    public async Task RunQueuedBatchesAsync()
    {
        while (Queue!.Enqueued.TryDequeue(out var batchId))
        {
            await RunBatchAsync(batchId);
        }
    }

    public async Task RunBatchAsync(long batchId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BatchDispatcher>().RunAsync(batchId, CancellationToken.None);
    }

    public async Task<SweepReport> SweepAsync(bool force = false)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DispatchSweeper>().SweepAsync(force);
    }

    public async Task<T> QueryAsync<T>(Func<PmxDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PmxDbContext>());
    }

    public Task<List<Message>> MessagesAsync(long campaignId) =>
        QueryAsync(db => db.Messages.AsNoTracking().Where(m => m.CampaignId == campaignId).OrderBy(m => m.Id).ToListAsync());

    public async Task<CreditBalanceSnapshot> BalanceAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CreditLedger>().GetBalance();
    }

    public async Task<CreditIntegrityReport> IntegrityAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CreditIntegrityCheck>().RunAsync();
    }

    public async ValueTask DisposeAsync()
    {
        App.Dispose();
        await Sink.DisposeAsync();
    }
}
