using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Ehr;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.IntegrationTests.Infrastructure;
using AppointmentStatus = PatientMessageExchange.Core.Patients.AppointmentStatus;
using ContactPoint = PatientMessageExchange.Core.Patients.ContactPoint;
using Task = System.Threading.Tasks.Task;

namespace PatientMessageExchange.IntegrationTests.Ehr;

/// <summary>
/// The FHIR sync against a real FHIR server (Medplum's router, in memory, over HTTP) loaded with synthetic US Core data:
/// the first sync, an incremental one after edits on both sides, a reschedule and a cancellation in the EHR, and a
/// server that fails with 500, never answers, or sends a malformed resource.
/// </summary>
public sealed class EhrSyncTests(MedplumFhirServer server) : IClassFixture<MedplumFhirServer>, IAsyncLifetime
{
    private const int Patients = 30;
    private const int Appointments = 60;
    private readonly PmxAppFactory _app = EhrTestApp.Create(requestTimeoutSeconds: 3);
    private SyntheticEhr _ehr = null!;

    public async Task InitializeAsync()
    {
        await server.ResetAsync();
        _ehr = SyntheticEhr.Generate(Patients, Appointments, _app.Clock.GetUtcNow());
        _ehr.Validate();
        await server.LoadAsync(_ehr.All);
        await _app.ConnectAsync(server);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_first_sync_fills_the_registry_and_schedule_paging_through_every_result()
    {
        var run = await _app.SyncAsync();

        Assert.Equal(EhrSyncRunStatus.Succeeded, run.Status);
        var guardians = _ehr.Guardians.Count;
        Assert.Equal(Patients + guardians + Appointments, run.Created);
        Assert.Equal(0, run.Skipped);
        // 25 a page: two pages of patients, two of related persons, three of appointments at least.
        Assert.True(run.Pages >= 7, $"{run.Pages} pages");

        var patients = await _app.QueryAsync(db => db.Patients.Include(p => p.ContactPoints).Include(p => p.Guardians)
            .Include(p => p.PrimaryProvider).OrderBy(p => p.ChartNumber).ToListAsync());
        Assert.Equal(Patients, patients.Count);
        var third = patients.Single(p => p.ChartNumber == SyntheticEhr.Mrn(3));
        var source = _ehr.Patients[2];
        Assert.Equal(source.Name[0].Given.First(), third.FirstName);
        Assert.Equal(source.Name[0].Family, third.LastName);
        Assert.Equal(DateOnly.Parse(source.BirthDate!, System.Globalization.CultureInfo.InvariantCulture), third.DateOfBirth);
        Assert.Equal("es", third.Language);
        Assert.Equal("en", patients.Single(p => p.ChartNumber == SyntheticEhr.Mrn(1)).Language);
        Assert.Equal(SyntheticEhr.MrnSystem, third.IdentifierSystem);
        Assert.Equal("pat-3", third.FhirId);
        Assert.StartsWith("Dr. ", third.PrimaryProvider!.Name);

        // Telecom: the mobile (rank 1) for texts, the home phone for calls, the email; guardians' own as theirs.
        var own = third.ContactPoints.Where(c => c.GuardianId is null).ToList();
        Assert.Equal(source.Telecom.Single(t => t.Use == Hl7.Fhir.Model.ContactPoint.ContactPointUse.Mobile).Value,
            own.Single(c => c.Mode == ContactMode.Text).Value);
        Assert.Equal(source.Telecom.Single(t => t.Use == Hl7.Fhir.Model.ContactPoint.ContactPointUse.Home && t.System == Hl7.Fhir.Model.ContactPoint.ContactPointSystem.Phone).Value,
            own.Single(c => c.Mode == ContactMode.Phone).Value);
        Assert.Equal("family3@example.com", own.Single(c => c.Mode == ContactMode.Email).Value);
        Assert.All(own, c => Assert.True(c.FromEhr));

        var fourth = patients.Single(p => p.ChartNumber == SyntheticEhr.Mrn(4));
        Assert.Equal(2, fourth.Guardians.Count);
        Assert.Equal(new[] { "Father", "Mother" }, fourth.Guardians.Select(g => g.Relationship ?? "").Order().ToArray());
        Assert.Single(fourth.Guardians, g => g.IsPrimary);
        var mother = fourth.Guardians.Single(g => g.Relationship == "Mother");
        Assert.Contains(fourth.ContactPoints, c => c.GuardianId == mother.Id && c.Mode == ContactMode.Email && c.Value == "parent4-1@example.com");
        Assert.Contains(fourth.ContactPoints, c => c.GuardianId == mother.Id && c.Mode == ContactMode.WorkPhone);

        var appointments = await _app.QueryAsync(db => db.Appointments.Include(a => a.Provider).Include(a => a.Patient).ToListAsync());
        Assert.Equal(Appointments, appointments.Count);
        var first = appointments.Single(a => a.FhirId == "appt-1");
        var upstream = _ehr.Appointments[0];
        Assert.Equal(upstream.Start!.Value.ToUniversalTime(), first.StartUtc);
        Assert.Equal(upstream.MinutesDuration, first.DurationMinutes);
        Assert.Equal(upstream.AppointmentType!.Text, first.AppointmentType);
        Assert.Contains(first.Location, new[] { "Main Street Clinic", "Eastside Office" });
        Assert.Equal("pat-1", first.Patient!.FhirId);
        Assert.Equal(AppointmentStatus.Scheduled, first.Status);
        Assert.Equal(3, appointments.Select(a => a.ProviderId).Distinct().Count());
    }

    [Fact]
    public async Task An_incremental_sync_reads_only_what_changed_and_keeps_what_staff_corrected_here()
    {
        await _app.SyncAsync();
        var patientId = await _app.QueryAsync(db => db.Patients.Where(p => p.FhirId == "pat-5").Select(p => p.Id).SingleAsync());
        var email = await _app.QueryAsync(db => db.ContactPoints.SingleAsync(c => c.PatientId == patientId && c.GuardianId == null && c.Mode == ContactMode.Email));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // Staff correct the email from the fix-records worklist and record a do-not-call.
            var directory = scope.ServiceProvider.GetRequiredService<PatientDirectory>();
            var corrected = await directory.UpdateContactPointAsync(patientId, email.Id, "corrected@example.org", ContactPointStatus.Valid, null);
            Assert.True(corrected.Succeeded, corrected.Error);
            var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
            db.DoNotContacts.Add(new DoNotContact { PatientId = patientId, Mode = ContactMode.Phone, RecordedUtc = _app.Clock.GetUtcNow(), RecordedBy = "front desk" });
            await db.SaveChangesAsync();
        }

        // The EHR changes the family name, the email and the home phone of the same patient. (Not the mobile: the
        // mother shares it, and a change would rightly give her a text contact of her own, a second update.)
        var patient = await server.ReadAsync<Hl7.Fhir.Model.Patient>("Patient/pat-5");
        patient.Name[0].Family = "Renamed";
        patient.Telecom.Single(t => t.System == Hl7.Fhir.Model.ContactPoint.ContactPointSystem.Email).Value = "ehr-new@example.com";
        patient.Telecom.Single(t => t.Use == Hl7.Fhir.Model.ContactPoint.ContactPointUse.Home
                                    && t.System == Hl7.Fhir.Model.ContactPoint.ContactPointSystem.Phone).Value = "+16175550199";
        await server.PutAsync(patient);

        var run = await _app.SyncAsync();

        Assert.Equal(EhrSyncRunStatus.Succeeded, run.Status);
        Assert.Equal(0, run.Created);
        Assert.Equal(1, run.Updated);
        // Only the changed patient and the resources sharing each cursor's instant (ge, not gt) were read again.
        var total = Patients + _ehr.Guardians.Count + Appointments;
        Assert.True(run.Unchanged + run.Updated < total, $"{run.Unchanged + run.Updated} of {total} resources were read again");
        var after = await _app.QueryAsync(db => db.Patients.Include(p => p.ContactPoints).SingleAsync(p => p.Id == patientId));
        Assert.Equal("Renamed", after.LastName);
        Assert.Equal("+16175550199", after.ContactPoints.Single(c => c.GuardianId == null && c.Mode == ContactMode.Phone).Value);
        var emails = after.ContactPoints.Where(c => c.GuardianId == null && c.Mode == ContactMode.Email).ToList();
        Assert.Equal("corrected@example.org", Assert.Single(emails).Value);
        Assert.True(await _app.QueryAsync(db => db.DoNotContacts.AnyAsync(d => d.PatientId == patientId && d.Mode == ContactMode.Phone)));
    }

    [Fact]
    public async Task A_contact_staff_removed_stays_removed_when_the_EHR_changes_the_patient_and_a_new_one_still_comes()
    {
        await _app.SyncAsync();
        var patientId = await _app.QueryAsync(db => db.Patients.Where(p => p.FhirId == "pat-7").Select(p => p.Id).SingleAsync());
        var home = await _app.QueryAsync(db => db.ContactPoints.SingleAsync(c => c.PatientId == patientId && c.GuardianId == null && c.Mode == ContactMode.Phone));
        Assert.True(home.FromEhr);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // The family says the home phone is gone; staff remove it on the patient page.
            var removed = await scope.ServiceProvider.GetRequiredService<PatientDirectory>().RemoveContactPointAsync(patientId, home.Id);
            Assert.True(removed.Succeeded, removed.Error);
        }

        // The EHR still lists that home phone, and its next change to the patient (a new email) brings it back unless
        // the removal is remembered. The new email is new information and is taken.
        var patient = await server.ReadAsync<Hl7.Fhir.Model.Patient>("Patient/pat-7");
        patient.Telecom.Single(t => t.System == Hl7.Fhir.Model.ContactPoint.ContactPointSystem.Email).Value = "pat7-new@example.com";
        await server.PutAsync(patient);
        Assert.Equal(EhrSyncRunStatus.Succeeded, (await _app.SyncAsync()).Status);

        var after = await _app.QueryAsync(db => db.ContactPoints.AsNoTracking().Where(c => c.PatientId == patientId && c.GuardianId == null).ToListAsync());
        Assert.DoesNotContain(after, c => c.Mode == ContactMode.Phone && c.Value == home.Value);
        Assert.Equal("pat7-new@example.com", after.Single(c => c.Mode == ContactMode.Email).Value);
        Assert.Equal(1, await _app.QueryAsync(db => db.EhrContactRemovals.CountAsync(r => r.PatientId == patientId && r.Value == home.Value)));
    }

    [Fact]
    public async Task A_reschedule_in_the_EHR_moves_the_appointment_and_drops_its_old_confirmation()
    {
        await _app.SyncAsync();
        await _app.QueryAsync(db => db.Appointments.Where(a => a.FhirId == "appt-2").ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, AppointmentStatus.Confirmed).SetProperty(a => a.ConfirmedBy, "text reply")));
        var appointment = await server.ReadAsync<Hl7.Fhir.Model.Appointment>("Appointment/appt-2");
        var moved = appointment.Start!.Value.AddDays(2).AddHours(1);
        appointment.Start = moved;
        appointment.End = moved.AddMinutes(appointment.MinutesDuration!.Value);
        await server.PutAsync(appointment);

        var run = await _app.SyncAsync();

        Assert.Equal(EhrSyncRunStatus.Succeeded, run.Status);
        var local = await _app.QueryAsync(db => db.Appointments.SingleAsync(a => a.FhirId == "appt-2"));
        Assert.Equal(moved.ToUniversalTime(), local.StartUtc);
        Assert.Equal(AppointmentStatus.Scheduled, local.Status);
        Assert.Null(local.ConfirmedBy);
    }

    [Fact]
    public async Task A_cancellation_in_the_EHR_cancels_the_appointment_in_the_schedule()
    {
        await _app.SyncAsync();
        var appointment = await server.ReadAsync<Hl7.Fhir.Model.Appointment>("Appointment/appt-3");
        appointment.Status = Hl7.Fhir.Model.Appointment.AppointmentStatus.Cancelled;
        await server.PutAsync(appointment);

        var run = await _app.SyncAsync();

        Assert.Equal(1, run.Updated);
        var local = await _app.QueryAsync(db => db.Appointments.SingleAsync(a => a.FhirId == "appt-3"));
        Assert.Equal(AppointmentStatus.Cancelled, local.Status);
        Assert.Equal(Appointments - 1, await _app.QueryAsync(db => db.Appointments.CountAsync(a => a.Status == AppointmentStatus.Scheduled)));
    }

    [Fact]
    public async Task A_500_stops_the_run_keeps_what_committed_and_the_next_run_resumes_from_there()
    {
        // The second page of appointments fails.
        await server.FailAsync("Appointment?_count=25&_sort=_lastUpdated&_offset=25", status: 500);

        var failed = await _app.SyncAsync();

        Assert.Equal(EhrSyncRunStatus.Failed, failed.Status);
        Assert.Contains("500", failed.Error);
        Assert.Contains("Appointment", failed.Error);
        Assert.Equal(Patients, await _app.QueryAsync(db => db.Patients.CountAsync()));
        Assert.Equal(25, await _app.QueryAsync(db => db.Appointments.CountAsync()));
        var cursor = await _app.QueryAsync(db => db.EhrConnections.Select(c => c.AppointmentCursorUtc).SingleAsync());
        Assert.NotNull(cursor);

        var resumed = await _app.SyncAsync();

        Assert.Equal(EhrSyncRunStatus.Succeeded, resumed.Status);
        Assert.Equal(Appointments - 25, resumed.Created);
        Assert.Equal(Appointments, await _app.QueryAsync(db => db.Appointments.CountAsync()));
        Assert.Equal(Appointments, await _app.QueryAsync(db => db.Appointments.Select(a => a.FhirId).Distinct().CountAsync()));
        var runs = await _app.QueryAsync(db => db.EhrSyncRuns.OrderBy(r => r.Id).ToListAsync());
        Assert.Equal([EhrSyncRunStatus.Failed, EhrSyncRunStatus.Succeeded], runs.Select(r => r.Status).ToArray());
    }

    [Fact]
    public async Task A_server_that_never_answers_ends_the_run_with_a_timeout_and_nothing_half_written()
    {
        await server.HangAsync("RelatedPerson");

        var run = await _app.SyncAsync();

        Assert.Equal(EhrSyncRunStatus.Failed, run.Status);
        Assert.Contains("did not answer in time", run.Error);
        Assert.Equal(Patients, await _app.QueryAsync(db => db.Patients.CountAsync()));
        Assert.Equal(0, await _app.QueryAsync(db => db.Guardians.CountAsync()));
        Assert.NotNull(run.FinishedUtc);

        var next = await _app.SyncAsync();
        Assert.Equal(EhrSyncRunStatus.Succeeded, next.Status);
        Assert.Equal(_ehr.Guardians.Count, await _app.QueryAsync(db => db.Guardians.CountAsync()));
    }

    [Fact]
    public async Task A_malformed_resource_is_skipped_with_its_reason_and_the_rest_of_its_page_syncs()
    {
        await server.CorruptAsync("Patient/pat-7");

        var run = await _app.SyncAsync();

        Assert.Equal(EhrSyncRunStatus.Succeeded, run.Status);
        Assert.Equal(Patients - 1, await _app.QueryAsync(db => db.Patients.CountAsync()));
        var skips = await _app.SkipsAsync(run.Id);
        var patientSkip = Assert.Single(skips, s => s.ResourceType == "Patient");
        Assert.Equal("pat-7", patientSkip.ResourceId);
        Assert.StartsWith("Malformed:", patientSkip.Reason);
        Assert.Contains("birthDate", patientSkip.Reason);
        Assert.DoesNotContain("not-a-date", patientSkip.Reason);
        // Its guardian and appointments can't attach to a patient that is not there, and say so.
        Assert.Contains(skips, s => s.ResourceType == "RelatedPerson" && s.Reason.Contains("Patient/pat-7"));
        Assert.Contains(skips, s => s.ResourceType == "Appointment" && s.Reason.Contains("Patient/pat-7"));
        Assert.Equal(skips.Count, run.Skipped);
    }

    [Fact]
    public async Task A_patient_without_the_configured_identifier_is_skipped_and_CSV_patients_are_linked_by_chart_number()
    {
        await _app.QueryAsync(async db =>
        {
            db.Patients.Add(new Core.Patients.Patient
            {
                ChartNumber = SyntheticEhr.Mrn(8), FirstName = "Csv", LastName = "Imported", DateOfBirth = new DateOnly(2015, 1, 1),
                ContactPoints = [new ContactPoint { Mode = ContactMode.Email, Value = "from-csv@example.com" }],
            });
            return await db.SaveChangesAsync();
        });
        var patient = await server.ReadAsync<Hl7.Fhir.Model.Patient>("Patient/pat-9");
        patient.Identifier.RemoveAll(i => i.System == SyntheticEhr.MrnSystem);
        await server.PutAsync(patient);

        var run = await _app.SyncAsync();

        var skips = await _app.SkipsAsync(run.Id);
        Assert.Contains(skips, s => s.ResourceId == "pat-9" && s.Reason.Contains(SyntheticEhr.MrnSystem));
        var linked = await _app.QueryAsync(db => db.Patients.Include(p => p.ContactPoints).SingleAsync(p => p.ChartNumber == SyntheticEhr.Mrn(8)));
        Assert.Equal("pat-8", linked.FhirId);
        Assert.NotEqual("Csv", linked.FirstName);
        // The CSV's email is the app's own; the EHR's email is added beside it only for a mode it lacks.
        Assert.Contains(linked.ContactPoints, c => c.Value == "from-csv@example.com");
        Assert.Equal(Patients - 1, await _app.QueryAsync(db => db.Patients.CountAsync()));
    }
}
