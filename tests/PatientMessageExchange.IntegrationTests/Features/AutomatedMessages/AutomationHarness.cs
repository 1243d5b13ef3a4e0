using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Dispatch;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.AutomatedMessages;

/// <summary>
/// The app with a fake clock, email as every family's way of being reached (the outbox sandbox records what was sent),
/// and a recording job queue, so a test runs the scheduler ticks and the batches itself. <see cref="RestartAsync"/>
/// starts a new app on the same database, as a process restart would, with its own clock and queue; the old one is
/// abandoned mid-flight (its queued batches never run there).
/// </summary>
public sealed class AutomationHarness : IAsyncDisposable
{
    public const string Zone = "America/New_York";

    private readonly List<ClockedApp> _apps = [];

    private AutomationHarness()
    {
    }

    public ClockedApp App => _apps[^1];
    public RecordingDispatchQueue Queue { get; private set; } = null!;
    public DateTimeOffset Now => App.Clock.GetUtcNow();

    public static async Task<AutomationHarness> StartAsync(DateTimeOffset start, int credits) => await StartAsync(start, credits, demoPatients: 0);

    /// <summary>
    /// With <paramref name="demoPatients"/> above zero the registry is the demo practice's (what <c>--seed-demo</c>
    /// seeds, with its contact points and preferences as they are); otherwise every family is reached by email.
    /// </summary>
    public static async Task<AutomationHarness> StartAsync(DateTimeOffset start, int credits, int demoPatients)
    {
        var harness = new AutomationHarness();
        harness.Launch(start, null);
        await harness.App.CompleteSetupAsync();
        if (demoPatients > 0)
        {
            await harness.WithAsync<bool, DemoDataSeeder>(demo => demo.SeedAsync(demoPatients));
        }
        else
        {
            await harness.QueryAsync(async db =>
            {
                foreach (var row in await db.DefaultContactPreferences.Where(p => p.Need == Need.AppointmentConfirmation || p.Need == Need.AppointmentReminder).ToListAsync())
                {
                    row.Modes = [ContactMode.Email];
                }
                return await db.SaveChangesAsync();
            });
        }
        if (credits > 0)
        {
            await using var scope = harness.App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(credits, "test funding", "test:funding");
        }
        return harness;
    }

    /// <summary>A new app on the same database at <paramref name="at"/>; it sweeps on start as the real one does.</summary>
    public async Task RestartAsync(DateTimeOffset at)
    {
        Launch(at, App);
        await SweepAsync();
    }

    private void Launch(DateTimeOffset start, ClockedApp? previous)
    {
        var queue = new RecordingDispatchQueue();
        var app = new ClockedApp(start);
        app.With("Dispatch:SendWindowStart", "00:00").With("Dispatch:SendWindowEnd", "23:59:59")
            .WithServices(services =>
            {
                services.RemoveAll<IDispatchQueue>();
                services.AddSingleton<IDispatchQueue>(queue);
            });
        if (previous is not null)
        {
            foreach (var (key, value) in previous.DatabaseSettings)
            {
                app.With(key, value);
            }
        }
        _apps.Add(app);
        Queue = queue;
        _ = app.Services;
    }

    /// <summary>One scheduler run on each of <paramref name="workers"/> workers at once, then every batch they queued.</summary>
    public async Task<AutomationRunReport[]> TickAsync(int workers = 1)
    {
        var runs = Enumerable.Range(0, workers).Select(async _ =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AutomationScheduler>().RunAsync();
        });
        var reports = await Task.WhenAll(runs);
        await RunQueuedBatchesAsync();
        return reports;
    }

    public async Task RunQueuedBatchesAsync()
    {
        while (Queue.Enqueued.TryDequeue(out var batchId))
        {
            await using var scope = App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BatchDispatcher>().RunAsync(batchId, CancellationToken.None);
        }
    }

    public async Task SweepAsync()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DispatchSweeper>().SweepAsync(force: true);
        }
        await RunQueuedBatchesAsync();
    }

    public void Advance(TimeSpan by) => App.Clock.Advance(by);

    public async Task<T> QueryAsync<T>(Func<PmxDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PmxDbContext>());
    }

    public async Task<T> WithAsync<T, TService>(Func<TService, Task<T>> use) where TService : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<int> ProviderAsync(string name) => QueryAsync(async db =>
    {
        var provider = new Provider { Name = name, SpokenName = name };
        db.Providers.Add(provider);
        await db.SaveChangesAsync();
        return provider.Id;
    });

    public Task<int> PatientAsync(string firstName, string email, string language = "en") => QueryAsync(async db =>
    {
        var now = Now;
        var patient = new Patient
        {
            ChartNumber = Guid.NewGuid().ToString("N")[..12], FirstName = firstName, LastName = "Family", Language = language,
            DateOfBirth = new DateOnly(2019, 3, 1), CreatedUtc = now, UpdatedUtc = now,
        };
        patient.ContactPoints.Add(new ContactPoint { Mode = ContactMode.Email, Value = email });
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    });

    public Task<int> AppointmentAsync(int patientId, int providerId, DateTime local, string type = "Well visit",
        AppointmentStatus status = AppointmentStatus.Scheduled) => QueryAsync(async db =>
    {
        var appointment = new Appointment
        {
            PatientId = patientId, ProviderId = providerId, StartUtc = Local(local), Location = "Main office", AppointmentType = type,
            Status = status,
        };
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        return appointment.Id;
    });

    public static DateTimeOffset Local(DateTime local)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _apps.Count - 1; i >= 0; i--)
        {
            await _apps[i].DisposeAsync();
        }
    }
}

/// <summary>The test app with its fake clock started where the test says.</summary>
public sealed class ClockedApp(DateTimeOffset start) : PmxAppFactory(start);
