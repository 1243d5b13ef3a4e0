using System.Globalization;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using AuditEvent = PatientMessageExchange.Core.Audit.AuditEvent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Patients.Import;
using FhirAppointment = Hl7.Fhir.Model.Appointment;
using FhirPatient = Hl7.Fhir.Model.Patient;
using Guardian = PatientMessageExchange.Core.Patients.Guardian;
using Patient = PatientMessageExchange.Core.Patients.Patient;
using Appointment = PatientMessageExchange.Core.Patients.Appointment;
using AppointmentStatus = PatientMessageExchange.Core.Patients.AppointmentStatus;

namespace PatientMessageExchange.Core.Ehr;

/// <summary>
/// Incremental sync from the EHR: Patient, then RelatedPerson (guardians), then Appointment, each read by
/// <c>_lastUpdated</c> from its cursor and paged through <c>Bundle.link[next]</c>. Each page commits with the run's counts,
/// its skips and the advanced cursor in one transaction, so a run that stops (a 500, a timeout) keeps what it did and the
/// next run resumes after the last committed page. Patients match on identifier (system and value); what the app owns
/// (contact preferences, do-not-contact, corrected or flagged contact points) is never overwritten.
/// </summary>
public class EhrSync(
    DbContextOptions<PmxDbContext> dbOptions,
    EhrSecrets secrets,
    ContactNormalizer normalizer,
    IOptions<EhrOptions> options,
    TimeProvider clock,
    ILogger<EhrSync> logger)
{
    public const string PatientType = "Patient";
    public const string RelatedPersonType = "RelatedPerson";
    public const string AppointmentType = "Appointment";
    private const string AuditUser = "EHR sync";

    /// <summary>Runs one sync; null when no enabled connection is configured.</summary>
    public async Task<EhrSyncRun?> RunAsync(CancellationToken ct = default)
    {
        await using var db = new PmxDbContext(dbOptions);
        var connection = await db.EhrConnections.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (connection is not { Enabled: true })
        {
            return null;
        }
        var run = new EhrSyncRun { StartedUtc = clock.GetUtcNow() };
        db.EhrSyncRuns.Add(run);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("EHR sync run {RunId} started", run.Id);

        try
        {
            using var gateway = new EhrFhirGateway(connection.BaseUrl, secrets.Credentials(connection),
                TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds), clock);
            var context = new RunContext(connection, gateway);
            await SyncTypeAsync(run, context, PatientType, c => c.PatientCursorUtc, (c, v) => c.PatientCursorUtc = v, ApplyPatientsAsync, ct);
            await SyncTypeAsync(run, context, RelatedPersonType, c => c.RelatedPersonCursorUtc, (c, v) => c.RelatedPersonCursorUtc = v,
                ApplyRelatedPersonsAsync, ct);
            await SyncTypeAsync(run, context, AppointmentType, c => c.AppointmentCursorUtc, (c, v) => c.AppointmentCursorUtc = v,
                ApplyAppointmentsAsync, ct);
            run.Status = EhrSyncRunStatus.Succeeded;
        }
        catch (EhrRequestException e)
        {
            run.Status = EhrSyncRunStatus.Failed;
            run.Error = e.Message;
            logger.LogWarning(e, "EHR sync run {RunId} stopped: {Reason}", run.Id, e.Message);
        }
        await using var finish = new PmxDbContext(dbOptions);
        run.FinishedUtc = clock.GetUtcNow();
        await finish.EhrSyncRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, run.Status)
            .SetProperty(r => r.Error, run.Error)
            .SetProperty(r => r.FinishedUtc, run.FinishedUtc), ct);
        logger.LogInformation("EHR sync run {RunId} {Status}: {Created} created, {Updated} updated, {Skipped} skipped",
            run.Id, run.Status, run.Created, run.Updated, run.Skipped);
        return run;
    }

    private sealed class RunContext(EhrConnection connection, EhrFhirGateway gateway)
    {
        public EhrConnection Connection { get; } = connection;
        public EhrFhirGateway Gateway { get; } = gateway;
        public Dictionary<string, int?> ProvidersByReference { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string?> LocationNames { get; } = new(StringComparer.Ordinal);
    }

    private delegate Task PageApplier(PmxDbContext db, RunContext context, IReadOnlyList<Resource> resources, EhrSyncCounts counts,
        CancellationToken ct);

    private async Task SyncTypeAsync(EhrSyncRun run, RunContext context, string resourceType,
        Func<EhrConnection, DateTimeOffset?> cursorOf, Action<EhrConnection, DateTimeOffset?> setCursor, PageApplier apply,
        CancellationToken ct)
    {
        var pageSize = options.Value.PageSize;
        var page = await context.Gateway.SearchChangedAsync(resourceType, cursorOf(context.Connection), pageSize, ct);
        while (page is not null)
        {
            var counts = new EhrSyncCounts();
            foreach (var problem in page.Problems)
            {
                counts.Skip(problem.ResourceType, problem.ResourceId, "Malformed: " + problem.Reason);
            }
            var wanted = new List<Resource>(page.Resources.Count);
            foreach (var resource in page.Resources)
            {
                if (resource.TypeName != resourceType)
                {
                    counts.Skip(resource.TypeName, resource.Id, $"Unexpected {resource.TypeName} in a {resourceType} search.");
                }
                else if (string.IsNullOrEmpty(resource.Id))
                {
                    counts.Skip(resource.TypeName, null, "The resource has no id.");
                }
                else
                {
                    wanted.Add(resource);
                }
            }
            var newest = page.Resources.Select(r => r.Meta?.LastUpdated).Where(t => t is not null).Max();

            await using var db = new PmxDbContext(dbOptions);
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async cancel =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancel);
                await apply(db, context, wanted, counts, cancel);
                var connection = await db.EhrConnections.FirstAsync(c => c.Id == context.Connection.Id, cancel);
                if (newest is not null && (cursorOf(connection) is not { } current || newest > current))
                {
                    setCursor(connection, newest);
                }
                foreach (var skip in counts.Skips)
                {
                    skip.RunId = run.Id;
                    db.EhrSyncSkips.Add(skip);
                }
                await db.SaveChangesAsync(cancel);
                var skipped = counts.Skips.Count(s => !s.Reason.StartsWith(TelecomNote, StringComparison.Ordinal));
                await db.EhrSyncRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Created, r => r.Created + counts.Created)
                    .SetProperty(r => r.Updated, r => r.Updated + counts.Updated)
                    .SetProperty(r => r.Unchanged, r => r.Unchanged + counts.Unchanged)
                    .SetProperty(r => r.Skipped, r => r.Skipped + skipped)
                    .SetProperty(r => r.Pages, r => r.Pages + 1), cancel);
                await transaction.CommitAsync(cancel);
                setCursor(context.Connection, cursorOf(connection));
                run.Created += counts.Created;
                run.Updated += counts.Updated;
                run.Unchanged += counts.Unchanged;
                run.Skipped += skipped;
                run.Pages++;
            }, ct);
            page = await context.Gateway.NextAsync(page, resourceType, ct);
        }
    }

    private const string TelecomNote = "Synced, but ";

    private async Task ApplyPatientsAsync(PmxDbContext db, RunContext context, IReadOnlyList<Resource> resources,
        EhrSyncCounts counts, CancellationToken ct)
    {
        var system = context.Connection.PatientIdentifierSystem;
        var patients = resources.Cast<FhirPatient>().ToList();
        var values = patients.SelectMany(p => p.Identifier).Where(i => i.System == system && i.Value is not null)
            .Select(i => i.Value!).Distinct().ToList();
        var upper = values.Select(v => v.ToUpperInvariant()).ToList();
        var fhirIds = patients.Select(p => p.Id).ToList();
        var existing = await db.Patients.Include(p => p.ContactPoints).Include(p => p.Guardians).AsSplitQuery()
            .Where(p => (p.IdentifierSystem == system && values.Contains(p.IdentifierValue!)) || fhirIds.Contains(p.FhirId!)
                        || upper.Contains(p.ChartNumber.ToUpper()))
            .ToListAsync(ct);
        var removals = await RemovalsAsync(db, existing, ct);
        var now = clock.GetUtcNow();
        foreach (var resource in patients)
        {
            var problems = new List<string>();
            var identifier = resource.Identifier.FirstOrDefault(i => i.System == system && !string.IsNullOrWhiteSpace(i.Value))?.Value?.Trim();
            if (identifier is null)
            {
                counts.Skip(PatientType, resource.Id, $"No identifier in the system {system}.");
                continue;
            }
            if (identifier.Length > 32)
            {
                counts.Skip(PatientType, resource.Id, "The identifier is longer than the 32 characters of a chart number.");
                continue;
            }
            var name = resource.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Official)
                       ?? resource.Name.FirstOrDefault(n => n.Use is null or HumanName.NameUse.Usual)
                       ?? resource.Name.FirstOrDefault();
            var first = name?.Given.FirstOrDefault()?.Trim();
            var last = name?.Family?.Trim();
            if (string.IsNullOrEmpty(first) || string.IsNullOrEmpty(last))
            {
                counts.Skip(PatientType, resource.Id, "The patient has no given and family name.");
                continue;
            }
            if (first.Length > 100 || last.Length > 100)
            {
                counts.Skip(PatientType, resource.Id, "A name is longer than 100 characters.");
                continue;
            }
            if (!DateOnly.TryParseExact(resource.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
            {
                counts.Skip(PatientType, resource.Id, "birthDate is missing or not a full date (YYYY-MM-DD).");
                continue;
            }
            if (birthDate > DateOnly.FromDateTime(now.UtcDateTime) || birthDate.Year < 1900)
            {
                counts.Skip(PatientType, resource.Id, "birthDate is not a plausible date of birth.");
                continue;
            }
            var nickname = resource.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Nickname)?.Given.FirstOrDefault()?.Trim();

            var patient = existing.FirstOrDefault(p => p.IdentifierSystem == system && p.IdentifierValue == identifier)
                          ?? existing.FirstOrDefault(p => p.FhirId == resource.Id)
                          ?? existing.FirstOrDefault(p => p.IdentifierSystem is null &&
                                                          string.Equals(p.ChartNumber, identifier, StringComparison.OrdinalIgnoreCase));
            if (patient is null && existing.Any(p => string.Equals(p.ChartNumber, identifier, StringComparison.OrdinalIgnoreCase)))
            {
                counts.Skip(PatientType, resource.Id, "Another patient, linked to a different identifier, already has this chart number.");
                continue;
            }
            var created = patient is null;
            if (patient is null)
            {
                patient = new Patient { ChartNumber = identifier, FirstName = first, LastName = last, CreatedUtc = now, UpdatedUtc = now };
                db.Patients.Add(patient);
                existing.Add(patient);
            }
            patient.IdentifierSystem = system;
            patient.IdentifierValue = identifier;
            patient.FhirId = resource.Id;
            patient.FirstName = first;
            patient.LastName = last;
            patient.PreferredName = nickname is { Length: > 0 and <= 100 } ? nickname : null;
            patient.DateOfBirth = birthDate;
            patient.IsActive = resource.Active ?? true;
            if (Language(resource) is { } language)
            {
                patient.Language = language;
            }
            var practitioner = resource.GeneralPractitioner.FirstOrDefault(r => r.Reference?.StartsWith("Practitioner/", StringComparison.Ordinal) == true);
            if (practitioner is not null)
            {
                patient.PrimaryProviderId = await ProviderIdAsync(db, context, practitioner.Reference!, ct);
            }
            var wanted = EhrTelecom.Map(resource.Telecom, normalizer, now, problems);
            EhrTelecom.Apply(patient, null, wanted, now, removed => db.ContactPoints.Remove(removed), RemovedFor(removals, patient));
            foreach (var problem in problems)
            {
                counts.Skip(PatientType, resource.Id, TelecomNote + problem);
            }
            Count(db, counts, patient, created, now);
        }
    }

    private static void Count(PmxDbContext db, EhrSyncCounts counts, Patient patient, bool created, DateTimeOffset now)
    {
        if (created)
        {
            counts.Created++;
            return;
        }
        db.ChangeTracker.DetectChanges();
        var changed = db.Entry(patient).State == EntityState.Modified
                      || patient.ContactPoints.Any(c => db.Entry(c).State is EntityState.Added or EntityState.Modified)
                      || patient.Guardians.Any(g => db.Entry(g).State is EntityState.Added or EntityState.Modified)
                      || db.ChangeTracker.Entries<PatientMessageExchange.Core.Patients.ContactPoint>()
                          .Any(e => e.State == EntityState.Deleted && e.Entity.PatientId == patient.Id);
        if (changed)
        {
            patient.UpdatedUtc = now;
            counts.Updated++;
        }
        else
        {
            counts.Unchanged++;
        }
    }

    private static string? Language(FhirPatient resource)
    {
        var communication = resource.Communication.FirstOrDefault(c => c.Preferred == true) ?? resource.Communication.FirstOrDefault();
        if (communication?.Language is not { } language)
        {
            return null;
        }
        foreach (var coding in language.Coding)
        {
            var code = coding.Code?.Split('-')[0];
            if (code is not null && ImportValueParser.ParseLanguage(code) is { } parsed)
            {
                return parsed;
            }
        }
        return language.Text is { } text ? ImportValueParser.ParseLanguage(text) : null;
    }

    private async Task<int?> ProviderIdAsync(PmxDbContext db, RunContext context, string reference, CancellationToken ct)
    {
        if (context.ProvidersByReference.TryGetValue(reference, out var known))
        {
            return known;
        }
        var fhirId = reference["Practitioner/".Length..];
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.FhirId == fhirId, ct);
        if (provider is null)
        {
            var practitioner = await context.Gateway.ReadAsync<Practitioner>(reference, ct);
            var name = practitioner?.Name.FirstOrDefault();
            var family = name?.Family?.Trim();
            if (string.IsNullOrEmpty(family))
            {
                context.ProvidersByReference[reference] = null;
                return null;
            }
            var display = name!.Prefix.Any() ? $"{name.Prefix.First()} {family}" : $"Dr. {family}";
            display = display.Length > 100 ? display[..100] : display;
            provider = await db.Providers.FirstOrDefaultAsync(p => p.Name == display, ct);
            if (provider is null || (provider.FhirId is not null && provider.FhirId != fhirId))
            {
                if (provider is not null)
                {
                    display = $"{display} ({fhirId})";
                    display = display.Length > 100 ? display[..100] : display;
                }
                provider = new Provider { Name = display, SpokenName = SpokenNames.ForProvider(display) };
                db.Providers.Add(provider);
            }
            provider.FhirId = fhirId;
            await db.SaveChangesAsync(ct);
        }
        context.ProvidersByReference[reference] = provider.Id;
        return provider.Id;
    }

    private static readonly IReadOnlySet<(ContactMode Mode, string Value)> NoneRemoved = new HashSet<(ContactMode, string)>();

    /// <summary>The contact values staff removed from these patients, which the sync must not add back.</summary>
    private static async Task<Dictionary<int, HashSet<(ContactMode Mode, string Value)>>> RemovalsAsync(PmxDbContext db,
        IEnumerable<Patient> patients, CancellationToken ct)
    {
        var ids = patients.Where(p => p.Id != 0).Select(p => p.Id).ToList();
        var rows = ids.Count == 0
            ? []
            : await db.EhrContactRemovals.AsNoTracking().Where(r => ids.Contains(r.PatientId))
                .Select(r => new { r.PatientId, r.Mode, r.Value }).ToListAsync(ct);
        return rows.GroupBy(r => r.PatientId).ToDictionary(g => g.Key, g => g.Select(r => (r.Mode, r.Value)).ToHashSet());
    }

    private static IReadOnlySet<(ContactMode Mode, string Value)> RemovedFor(
        Dictionary<int, HashSet<(ContactMode Mode, string Value)>> removals, Patient patient) =>
        patient.Id != 0 && removals.TryGetValue(patient.Id, out var set) ? set : NoneRemoved;

    private async Task ApplyRelatedPersonsAsync(PmxDbContext db, RunContext context, IReadOnlyList<Resource> resources,
        EhrSyncCounts counts, CancellationToken ct)
    {
        var people = resources.Cast<RelatedPerson>().ToList();
        var patientIds = people.Select(p => PatientFhirId(p.Patient?.Reference)).Where(id => id is not null).Distinct().ToList();
        var patients = await db.Patients.Include(p => p.ContactPoints).Include(p => p.Guardians).AsSplitQuery()
            .Where(p => patientIds.Contains(p.FhirId)).ToListAsync(ct);
        var removals = await RemovalsAsync(db, patients, ct);
        var now = clock.GetUtcNow();
        foreach (var person in people)
        {
            var patientId = PatientFhirId(person.Patient?.Reference);
            var patient = patients.FirstOrDefault(p => p.FhirId == patientId);
            if (patient is null)
            {
                counts.Skip(RelatedPersonType, person.Id, patientId is null
                    ? "The related person names no Patient."
                    : $"Their patient (Patient/{patientId}) is not in the registry; see that patient's skip reason.");
                continue;
            }
            var name = person.Name.FirstOrDefault(n => n.Use is null or HumanName.NameUse.Official or HumanName.NameUse.Usual)
                       ?? person.Name.FirstOrDefault();
            var first = name?.Given.FirstOrDefault()?.Trim();
            var last = name?.Family?.Trim() ?? patient.LastName;
            if (string.IsNullOrEmpty(first) || first.Length > 100 || last.Length > 100)
            {
                counts.Skip(RelatedPersonType, person.Id, "The related person has no usable given name.");
                continue;
            }
            var guardian = patient.Guardians.FirstOrDefault(g => g.FhirId == person.Id)
                           ?? patient.Guardians.FirstOrDefault(g => g.FhirId is null &&
                               string.Equals(g.FirstName, first, StringComparison.OrdinalIgnoreCase) &&
                               string.Equals(g.LastName, last, StringComparison.OrdinalIgnoreCase));
            var created = guardian is null;
            if (person.Active == false)
            {
                // The EHR ended the relationship: the guardian stops being contacted through the registry.
                if (guardian is not null)
                {
                    foreach (var point in patient.ContactPoints.Where(c => ReferenceEquals(c.Guardian, guardian) && c.FromEhr).ToList())
                    {
                        patient.ContactPoints.Remove(point);
                        db.ContactPoints.Remove(point);
                    }
                    foreach (var point in patient.ContactPoints.Where(c => ReferenceEquals(c.Guardian, guardian)))
                    {
                        point.Guardian = null;
                    }
                    patient.Guardians.Remove(guardian);
                    db.Guardians.Remove(guardian);
                    counts.Updated++;
                }
                else
                {
                    counts.Unchanged++;
                }
                continue;
            }
            if (guardian is null)
            {
                guardian = new Guardian { FirstName = first, LastName = last, Patient = patient };
                patient.Guardians.Add(guardian);
                db.Guardians.Add(guardian);
            }
            guardian.FhirId = person.Id;
            guardian.FirstName = first;
            guardian.LastName = last;
            guardian.Relationship = Relationship(person) ?? guardian.Relationship;
            if (!patient.Guardians.Any(g => g.IsPrimary))
            {
                guardian.IsPrimary = true;
            }
            var problems = new List<string>();
            var wanted = EhrTelecom.Map(person.Telecom, normalizer, now, problems);
            EhrTelecom.Apply(patient, guardian, wanted, now, removed => db.ContactPoints.Remove(removed), RemovedFor(removals, patient));
            foreach (var problem in problems)
            {
                counts.Skip(RelatedPersonType, person.Id, TelecomNote + problem);
            }
            if (created)
            {
                counts.Created++;
            }
            else
            {
                db.ChangeTracker.DetectChanges();
                var changed = db.Entry(guardian).State == EntityState.Modified
                              || patient.ContactPoints.Any(c => db.Entry(c).State is EntityState.Added or EntityState.Modified)
                              || db.ChangeTracker.Entries<PatientMessageExchange.Core.Patients.ContactPoint>()
                                  .Any(e => e.State == EntityState.Deleted && e.Entity.PatientId == patient.Id);
                if (changed)
                {
                    counts.Updated++;
                }
                else
                {
                    counts.Unchanged++;
                }
            }
        }
    }

    private static string? PatientFhirId(string? reference) =>
        reference is not null && reference.StartsWith("Patient/", StringComparison.Ordinal) ? reference["Patient/".Length..] : null;

    private static string? Relationship(RelatedPerson person)
    {
        foreach (var concept in person.Relationship)
        {
            foreach (var coding in concept.Coding)
            {
                var mapped = coding.Code switch
                {
                    "MTH" or "NMTH" => "Mother",
                    "FTH" or "NFTH" => "Father",
                    "STPMTH" => "Stepmother",
                    "STPFTH" => "Stepfather",
                    "GRMTH" or "GRFTH" or "GRPRN" => "Grandparent",
                    "GUARD" or "GUADLTM" => "Legal guardian",
                    "PRN" or "NPRN" => "Parent",
                    "FMRCRG" or "FOSTER" => "Foster parent",
                    "AUNT" => "Aunt",
                    "UNCLE" => "Uncle",
                    _ => null,
                };
                if (mapped is not null)
                {
                    return mapped;
                }
            }
            var text = concept.Text ?? concept.Coding.FirstOrDefault()?.Display;
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text.Length > 40 ? text[..40] : text;
            }
        }
        return null;
    }

    private async Task ApplyAppointmentsAsync(PmxDbContext db, RunContext context, IReadOnlyList<Resource> resources,
        EhrSyncCounts counts, CancellationToken ct)
    {
        var appointments = resources.Cast<FhirAppointment>().ToList();
        var ids = appointments.Select(a => a.Id).ToList();
        var existing = await db.Appointments.Where(a => ids.Contains(a.FhirId!)).ToDictionaryAsync(a => a.FhirId!, ct);
        var patientRefs = appointments.SelectMany(a => a.Participant).Select(p => PatientFhirId(p.Actor?.Reference))
            .Where(id => id is not null).Distinct().ToList();
        var patients = await db.Patients.Where(p => patientRefs.Contains(p.FhirId))
            .Select(p => new { p.Id, p.FhirId }).ToDictionaryAsync(p => p.FhirId!, p => p.Id, ct);
        var now = clock.GetUtcNow();
        foreach (var resource in appointments)
        {
            var patientParticipant = resource.Participant.FirstOrDefault(p => PatientFhirId(p.Actor?.Reference) is not null);
            var patientFhirId = PatientFhirId(patientParticipant?.Actor?.Reference);
            if (patientFhirId is null)
            {
                counts.Skip(AppointmentType, resource.Id, "The appointment has no Patient participant.");
                continue;
            }
            if (!patients.TryGetValue(patientFhirId, out var patientId))
            {
                counts.Skip(AppointmentType, resource.Id, $"Its patient (Patient/{patientFhirId}) is not in the registry; see that patient's skip reason.");
                continue;
            }
            if (resource.Start is not { } start)
            {
                counts.Skip(AppointmentType, resource.Id, "The appointment has no start time.");
                continue;
            }
            var practitioner = resource.Participant.Select(p => p.Actor?.Reference)
                .FirstOrDefault(r => r?.StartsWith("Practitioner/", StringComparison.Ordinal) == true);
            var providerId = practitioner is null ? null : await ProviderIdAsync(db, context, practitioner, ct);
            if (providerId is null)
            {
                counts.Skip(AppointmentType, resource.Id, practitioner is null
                    ? "The appointment has no Practitioner participant."
                    : $"Its practitioner ({practitioner}) could not be read or has no name.");
                continue;
            }
            var location = resource.Participant.Select(p => p.Actor?.Reference)
                .FirstOrDefault(r => r?.StartsWith("Location/", StringComparison.Ordinal) == true);
            var locationName = location is null ? null : await LocationNameAsync(context, location, ct);
            var duration = resource.MinutesDuration
                           ?? (resource.End is { } end ? (int)Math.Round((end - start).TotalMinutes) : 15);
            var type = resource.AppointmentType?.Text ?? resource.AppointmentType?.Coding.FirstOrDefault()?.Display
                       ?? resource.ServiceType.FirstOrDefault()?.Text ?? resource.ServiceType.FirstOrDefault()?.Coding.FirstOrDefault()?.Display
                       ?? "Appointment";

            var created = !existing.TryGetValue(resource.Id!, out var appointment);
            if (appointment is null)
            {
                appointment = new Appointment { FhirId = resource.Id, Location = "", AppointmentType = "", PatientId = patientId };
                db.Appointments.Add(appointment);
                existing[resource.Id!] = appointment;
            }
            var rescheduled = !created && appointment.StartUtc != start.ToUniversalTime();
            appointment.PatientId = patientId;
            appointment.ProviderId = providerId.Value;
            appointment.StartUtc = start.ToUniversalTime();
            appointment.DurationMinutes = Math.Clamp(duration, 1, 24 * 60);
            appointment.Location = Truncate(locationName ?? appointment.Location, 100);
            appointment.AppointmentType = Truncate(type, 60);
            ApplyStatus(appointment, resource, patientParticipant!, rescheduled, now);
            if (created)
            {
                counts.Created++;
            }
            else
            {
                db.ChangeTracker.DetectChanges();
                if (db.Entry(appointment).State == EntityState.Modified)
                {
                    counts.Updated++;
                    if (rescheduled || appointment.Status == AppointmentStatus.Cancelled)
                    {
                        db.AuditEvents.Add(new AuditEvent
                        {
                            OccurredUtc = now, UserName = AuditUser, Action = AuditActions.EhrAppointmentChanged,
                            EntityType = nameof(Appointment), EntityId = appointment.Id.ToString(CultureInfo.InvariantCulture),
                            Detail = rescheduled ? "Rescheduled in the EHR" : "Cancelled in the EHR",
                        });
                    }
                }
                else
                {
                    counts.Unchanged++;
                }
            }
        }
    }

    /// <summary>
    /// The EHR's status wins, except that a confirmation recorded here stands while the appointment stays booked at the
    /// same time (its write-back may still be on its way). A reschedule drops any confirmation: the new time needs one.
    /// </summary>
    private static void ApplyStatus(Appointment appointment, FhirAppointment resource, FhirAppointment.ParticipantComponent patient,
        bool rescheduled, DateTimeOffset now)
    {
        switch (resource.Status)
        {
            case FhirAppointment.AppointmentStatus.Cancelled or FhirAppointment.AppointmentStatus.EnteredInError:
                appointment.Status = AppointmentStatus.Cancelled;
                return;
            case FhirAppointment.AppointmentStatus.Noshow:
                appointment.Status = AppointmentStatus.NoShow;
                return;
            case FhirAppointment.AppointmentStatus.Fulfilled or FhirAppointment.AppointmentStatus.Arrived
                or FhirAppointment.AppointmentStatus.CheckedIn:
                appointment.Status = AppointmentStatus.Completed;
                return;
        }
        if (rescheduled || appointment.Status is not (AppointmentStatus.Scheduled or AppointmentStatus.Confirmed))
        {
            appointment.Status = AppointmentStatus.Scheduled;
            appointment.ConfirmedUtc = null;
            appointment.ConfirmedBy = null;
        }
        if (patient.Status == ParticipationStatus.Accepted && appointment.Status == AppointmentStatus.Scheduled && !rescheduled)
        {
            appointment.Status = AppointmentStatus.Confirmed;
            appointment.ConfirmedUtc ??= now;
            appointment.ConfirmedBy ??= "EHR";
        }
    }

    private static async Task<string?> LocationNameAsync(RunContext context, string reference, CancellationToken ct)
    {
        if (!context.LocationNames.TryGetValue(reference, out var name))
        {
            name = (await context.Gateway.ReadAsync<Location>(reference, ct))?.Name;
            context.LocationNames[reference] = name;
        }
        return name;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
