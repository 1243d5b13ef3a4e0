using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Ehr;
using PatientMessageExchange.Core.Replies;
using PatientMessageExchange.IntegrationTests.Infrastructure;
using AppointmentStatus = PatientMessageExchange.Core.Patients.AppointmentStatus;
using FhirAppointment = Hl7.Fhir.Model.Appointment;
using ParticipationStatus = Hl7.Fhir.Model.ParticipationStatus;
using Task = System.Threading.Tasks.Task;

namespace PatientMessageExchange.IntegrationTests.Ehr;

/// <summary>A patient's confirmation goes back to the EHR's Appointment, through an outbox that retries and never loses it.</summary>
public sealed class EhrWriteBackTests(MedplumFhirServer server) : IClassFixture<MedplumFhirServer>, IAsyncLifetime
{
    private readonly PmxAppFactory _app = EhrTestApp.Create().With("Ehr:WriteBackAttempts", "3").With("Ehr:WriteBackFirstRetrySeconds", "60");

    public async Task InitializeAsync()
    {
        await server.ResetAsync();
        var ehr = SyntheticEhr.Generate(6, 8, _app.Clock.GetUtcNow());
        ehr.Validate();
        await server.LoadAsync(ehr.All);
        await _app.ConnectAsync(server);
        Assert.Equal(EhrSyncRunStatus.Succeeded, (await _app.SyncAsync()).Status);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<int> ConfirmByTextAsync(string fhirId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var id = await db.Appointments.Where(a => a.FhirId == fhirId).Select(a => a.Id).SingleAsync();
        Assert.True(await AppointmentResponses.ConfirmAsync(db, id, "text reply", _app.Clock.GetUtcNow(), default));
        return id;
    }

    private async Task<int> ProcessAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EhrWriteBackProcessor>().ProcessDueAsync();
    }

    [Fact]
    public async Task A_confirmation_is_written_back_as_accepted_after_a_failed_attempt_is_retried()
    {
        var id = await ConfirmByTextAsync("appt-4");
        var queued = await _app.QueryAsync(db => db.EhrWriteBacks.SingleAsync());
        Assert.Equal((id, EhrWriteBackKind.Confirmed, EhrWriteBackStatus.Pending), (queued.AppointmentId, queued.Kind, queued.Status));

        await server.FailAsync("Appointment/appt-4", status: 503);
        Assert.Equal(0, await ProcessAsync());
        var afterFailure = await _app.QueryAsync(db => db.EhrWriteBacks.SingleAsync());
        Assert.Equal(EhrWriteBackStatus.Pending, afterFailure.Status);
        Assert.Equal(1, afterFailure.Attempts);
        Assert.Contains("503", afterFailure.LastError);
        Assert.Equal(0, await ProcessAsync()); // not due yet

        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await ProcessAsync());

        var done = await _app.QueryAsync(db => db.EhrWriteBacks.SingleAsync());
        Assert.Equal(EhrWriteBackStatus.Done, done.Status);
        var upstream = await server.ReadAsync<FhirAppointment>("Appointment/appt-4");
        var patient = upstream.Participant.Single(p => p.Actor?.Reference?.StartsWith("Patient/", StringComparison.Ordinal) == true);
        Assert.Equal(ParticipationStatus.Accepted, patient.Status);
        Assert.Equal(FhirAppointment.AppointmentStatus.Booked, upstream.Status);
        var writes = await server.WritesAsync();
        Assert.Single(writes, w => (string?)w!["method"] == "PUT" && (string?)w["url"] == "/Appointment/appt-4");

        // The next sync reads the EHR's accepted status back and the schedule keeps the confirmation.
        await _app.SyncAsync();
        Assert.Equal(AppointmentStatus.Confirmed, await _app.QueryAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_write_back_that_keeps_failing_is_shown_as_failed_and_can_be_retried()
    {
        await ConfirmByTextAsync("appt-5");
        await server.FailAsync("Appointment/appt-5", status: 500, times: 3);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(0, await ProcessAsync());
            _app.Clock.Advance(TimeSpan.FromHours(1));
        }

        var failed = await _app.QueryAsync(db => db.EhrWriteBacks.SingleAsync());
        Assert.Equal(EhrWriteBackStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.Equal(0, await ProcessAsync());

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<EhrWriteBackProcessor>().RetryAsync(failed.Id));
        }
        Assert.Equal(1, await ProcessAsync());
        Assert.Equal(EhrWriteBackStatus.Done, await _app.QueryAsync(db => db.EhrWriteBacks.Select(w => w.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_cancellation_by_the_family_is_written_back_as_declined_with_the_appointment_cancelled()
    {
        int id;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
            id = await db.Appointments.Where(a => a.FhirId == "appt-6").Select(a => a.Id).SingleAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.True(await AppointmentResponses.CancelAsync(db, id, "text reply", _app.Clock.GetUtcNow(), default));
            await transaction.CommitAsync();
        }
        var queued = await _app.QueryAsync(db => db.EhrWriteBacks.SingleAsync());
        Assert.Equal((id, "appt-6", EhrWriteBackKind.Cancelled, EhrWriteBackStatus.Pending),
            (queued.AppointmentId, queued.AppointmentFhirId, queued.Kind, queued.Status));

        Assert.Equal(1, await ProcessAsync());

        var upstream = await server.ReadAsync<FhirAppointment>("Appointment/appt-6");
        Assert.Equal(FhirAppointment.AppointmentStatus.Cancelled, upstream.Status);
        Assert.Equal(ParticipationStatus.Declined,
            upstream.Participant.Single(p => p.Actor?.Reference?.StartsWith("Patient/", StringComparison.Ordinal) == true).Status);
        await _app.SyncAsync();
        Assert.Equal(AppointmentStatus.Cancelled, await _app.QueryAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }
}
