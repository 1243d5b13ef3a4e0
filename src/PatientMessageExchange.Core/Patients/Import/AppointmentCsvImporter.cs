using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Practice;

namespace PatientMessageExchange.Core.Patients.Import;

/// <summary>
/// Imports the schedule. Times in the file are the practice's local time. A row is matched to an earlier import by
/// the scheduling system's appointment id when the file has one, otherwise by patient, provider and start time.
/// </summary>
public sealed class AppointmentCsvImporter(PmxDbContext db, AuditLog audit, PracticeDirectory practice)
    : CsvImporter<AppointmentImportRow>(db, audit)
{
    private const int LookupChunk = 500;

    public static readonly IReadOnlyList<ImportField> AppointmentFields =
    [
        new("AppointmentId", false, "ApptId", "ExternalId", "AppointmentNumber", "VisitId"),
        new("ChartNumber", true, "Chart", "ChartNo", "Chart#", "Account", "AccountNumber", "PatientId", "MRN"),
        new("Date", false, "AppointmentDate", "ApptDate", "VisitDate"),
        new("Time", false, "AppointmentTime", "ApptTime", "StartTime"),
        new("Start", false, "StartDateTime", "AppointmentStart", "DateTime", "When"),
        new("DurationMinutes", false, "Duration", "Length", "Minutes"),
        new("Provider", true, "ProviderName", "Doctor", "Physician", "Clinician"),
        new("Location", false, "Office", "Site", "Facility"),
        new("Type", false, "AppointmentType", "ApptType", "VisitType", "Reason"),
        new("Status", false, "AppointmentStatus", "ApptStatus"),
    ];

    public override ImportKind Kind => ImportKind.Appointments;

    protected override IReadOnlyList<ImportField> Fields => AppointmentFields;

    private TimeZoneInfo? _zone;

    protected override AppointmentImportRow? ParseRow(CsvRecordLine record, ImportColumnMap columns, List<ImportIssue> issues)
    {
        _zone ??= practice.GetTimeZone();
        var before = issues.Count;
        var line = record.Line;

        var chart = columns.Get(record, "ChartNumber");
        if (chart is null)
        {
            issues.Add(new ImportIssue(line, "ChartNumber", "ChartNumber is required."));
        }
        var provider = columns.Get(record, "Provider");
        if (provider is null)
        {
            issues.Add(new ImportIssue(line, "Provider", "Provider is required."));
        }
        else if (provider.Length > 100)
        {
            issues.Add(new ImportIssue(line, "Provider", "Provider is longer than 100 characters."));
        }

        DateTimeOffset startUtc = default;
        var startText = columns.Get(record, "Start");
        var dateText = columns.Get(record, "Date");
        var timeText = columns.Get(record, "Time");
        DateOnly date = default;
        TimeOnly time = default;
        var haveLocal = false;
        if (startText is not null)
        {
            haveLocal = ImportValueParser.TryParseDateTime(startText, out date, out time);
            if (!haveLocal)
            {
                issues.Add(new ImportIssue(line, "Start", $"\"{startText}\" is not a date and time such as 2026-12-01 09:30."));
            }
        }
        else if (dateText is null || timeText is null)
        {
            issues.Add(new ImportIssue(line, dateText is null ? "Date" : "Time",
                "The appointment needs a Start column, or both Date and Time."));
        }
        else if (!ImportValueParser.TryParseDate(dateText, out date))
        {
            issues.Add(new ImportIssue(line, "Date", $"\"{dateText}\" is not a date; use YYYY-MM-DD or MM/DD/YYYY."));
        }
        else if (!ImportValueParser.TryParseTime(timeText, out time))
        {
            issues.Add(new ImportIssue(line, "Time", $"\"{timeText}\" is not a time such as 9:30 AM or 14:15."));
        }
        else
        {
            haveLocal = true;
        }
        if (haveLocal)
        {
            var local = date.ToDateTime(time, DateTimeKind.Unspecified);
            if (_zone.IsInvalidTime(local))
            {
                issues.Add(new ImportIssue(line, startText is null ? "Time" : "Start",
                    $"{local:yyyy-MM-dd HH:mm} does not exist in {_zone.Id} (the clocks skip it)."));
            }
            else
            {
                startUtc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, _zone));
            }
        }

        int? duration = null;
        var durationText = columns.Get(record, "DurationMinutes");
        if (durationText is not null)
        {
            if (int.TryParse(durationText, out var minutes) && minutes is > 0 and <= 480)
            {
                duration = minutes;
            }
            else
            {
                issues.Add(new ImportIssue(line, "DurationMinutes", $"\"{durationText}\" is not a number of minutes between 1 and 480."));
            }
        }

        AppointmentStatus? status = null;
        var statusText = columns.Get(record, "Status");
        if (statusText is not null)
        {
            status = ParseStatus(statusText);
            if (status is null)
            {
                issues.Add(new ImportIssue(line, "Status", $"\"{statusText}\" is not a status we know (scheduled, confirmed, cancelled, completed, no show)."));
            }
        }

        var externalId = columns.Get(record, "AppointmentId");
        if (externalId is { Length: > 64 })
        {
            issues.Add(new ImportIssue(line, "AppointmentId", "AppointmentId is longer than 64 characters."));
        }
        var location = columns.Get(record, "Location") ?? "";
        var type = columns.Get(record, "Type") ?? "Visit";
        if (location.Length > 100 || type.Length > 60)
        {
            issues.Add(new ImportIssue(line, location.Length > 100 ? "Location" : "Type", "The value is too long."));
        }

        if (issues.Count > before)
        {
            return null;
        }
        return new AppointmentImportRow
        {
            Line = line,
            ExternalId = externalId,
            ChartNumber = chart!,
            StartUtc = startUtc,
            DurationMinutes = duration,
            ProviderName = provider!,
            Location = location,
            AppointmentType = type,
            Status = status,
        };
    }

    /// <summary>Each appointment id's first line in the file, kept across the batches of a pass.</summary>
    private readonly Dictionary<string, int> _seenExternal = new(StringComparer.Ordinal);

    protected override void BeginPass() => _seenExternal.Clear();

    protected override async Task<IReadOnlyList<AppointmentImportRow>> ValidateBatchAsync(
        IReadOnlyList<AppointmentImportRow> rows, List<ImportIssue> issues, CancellationToken ct)
    {
        var patientIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in rows.Select(r => r.ChartNumber.ToUpperInvariant()).Distinct().Chunk(LookupChunk))
        {
            // Chart numbers match in any case, on SQLite as under SQL Server's collation.
            var found = await Db.Patients.Where(p => chunk.Contains(p.ChartNumber.ToUpper()))
                .Select(p => new { p.ChartNumber, p.Id }).ToListAsync(ct);
            foreach (var p in found)
            {
                patientIds[p.ChartNumber] = p.Id;
            }
        }
        var valid = new List<AppointmentImportRow>(rows.Count);
        foreach (var row in rows)
        {
            if (!patientIds.TryGetValue(row.ChartNumber, out var patientId))
            {
                issues.Add(new ImportIssue(row.Line, "ChartNumber",
                    $"No patient has chart number {row.ChartNumber}; import the patients first."));
                continue;
            }
            if (row.ExternalId is not null && !_seenExternal.TryAdd(row.ExternalId, row.Line))
            {
                issues.Add(new ImportIssue(row.Line, "AppointmentId",
                    $"Appointment {row.ExternalId} already appears on line {_seenExternal[row.ExternalId]}."));
                continue;
            }
            row.PatientId = patientId;
            valid.Add(row);
        }
        return valid;
    }

    protected override async Task<int> CountExistingAsync(IReadOnlyList<AppointmentImportRow> rows, CancellationToken ct) =>
        (await LoadExistingAsync(rows, ct)).Count(pair => pair.Value is not null);

    protected override async Task<(int Created, int Updated)> ApplyAsync(IReadOnlyList<AppointmentImportRow> rows, CancellationToken ct)
    {
        var providers = await Db.Providers.ToDictionaryAsync(p => p.Name, StringComparer.OrdinalIgnoreCase, ct);
        var existing = await LoadExistingAsync(rows, ct);
        var created = 0;
        var updated = 0;
        foreach (var row in rows)
        {
            if (!providers.TryGetValue(row.ProviderName, out var provider))
            {
                provider = new Provider { Name = row.ProviderName, SpokenName = SpokenNames.ForProvider(row.ProviderName) };
                providers[row.ProviderName] = provider;
                Db.Providers.Add(provider);
            }
            var appointment = existing[row];
            if (appointment is null)
            {
                appointment = new Appointment { Location = row.Location, AppointmentType = row.AppointmentType };
                Db.Appointments.Add(appointment);
                created++;
            }
            else
            {
                updated++;
            }
            appointment.ExternalId = row.ExternalId;
            appointment.PatientId = row.PatientId;
            appointment.Provider = provider;
            appointment.StartUtc = row.StartUtc;
            appointment.DurationMinutes = row.DurationMinutes ?? appointment.DurationMinutes;
            appointment.Location = row.Location;
            appointment.AppointmentType = row.AppointmentType;
            if (row.Status is { } status && appointment.Status != status)
            {
                appointment.Status = status;
            }
        }
        return (created, updated);
    }

    private async Task<Dictionary<AppointmentImportRow, Appointment?>> LoadExistingAsync(
        IReadOnlyList<AppointmentImportRow> rows, CancellationToken ct)
    {
        var result = new Dictionary<AppointmentImportRow, Appointment?>();
        var byExternal = new Dictionary<string, Appointment>(StringComparer.Ordinal);
        foreach (var chunk in rows.Where(r => r.ExternalId is not null).Select(r => r.ExternalId!).Chunk(LookupChunk))
        {
            foreach (var a in await Db.Appointments.Include(a => a.Provider).Where(a => chunk.Contains(a.ExternalId!)).ToListAsync(ct))
            {
                byExternal[a.ExternalId!] = a;
            }
        }
        var byPatient = new Dictionary<int, List<Appointment>>();
        foreach (var chunk in rows.Where(r => r.ExternalId is null).Select(r => r.PatientId).Distinct().Chunk(LookupChunk))
        {
            foreach (var a in await Db.Appointments.Include(a => a.Provider).Where(a => chunk.Contains(a.PatientId)).ToListAsync(ct))
            {
                if (!byPatient.TryGetValue(a.PatientId, out var list))
                {
                    byPatient[a.PatientId] = list = [];
                }
                list.Add(a);
            }
        }
        foreach (var row in rows)
        {
            Appointment? match;
            if (row.ExternalId is not null)
            {
                match = byExternal.GetValueOrDefault(row.ExternalId);
            }
            else
            {
                match = byPatient.GetValueOrDefault(row.PatientId)?.FirstOrDefault(a =>
                    a.StartUtc == row.StartUtc &&
                    string.Equals(a.Provider?.Name, row.ProviderName, StringComparison.OrdinalIgnoreCase));
            }
            result[row] = match;
        }
        return result;
    }

    private static AppointmentStatus? ParseStatus(string value) =>
        ImportColumnMap.Canonical(value) switch
        {
            "scheduled" or "booked" or "pending" or "new" => AppointmentStatus.Scheduled,
            "confirmed" => AppointmentStatus.Confirmed,
            "cancelled" or "canceled" or "cxl" => AppointmentStatus.Cancelled,
            "completed" or "checkedout" or "seen" or "complete" => AppointmentStatus.Completed,
            "noshow" or "missed" => AppointmentStatus.NoShow,
            _ => null,
        };
}
