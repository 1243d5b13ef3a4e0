using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Patients.Import;

/// <summary>
/// Imports patients, their primary guardian and contact points, keyed by chart number so that a re-import updates.
/// A contact column that is present but empty removes that contact mode; a column that is absent leaves it alone.
/// </summary>
public sealed class PatientCsvImporter(PmxDbContext db, AuditLog audit, ContactNormalizer normalizer, TimeProvider clock)
    : CsvImporter<PatientImportRow>(db, audit)
{
    private const int LookupChunk = 500;

    public static readonly IReadOnlyList<ImportField> PatientFields =
    [
        new("ChartNumber", true, "Chart", "ChartNo", "Chart#", "ChartId", "Account", "AccountNumber", "PatientId", "MRN"),
        new("FirstName", true, "First", "PatientFirstName", "GivenName"),
        new("PreferredName", false, "Nickname", "Preferred"),
        new("LastName", true, "Last", "PatientLastName", "Surname", "FamilyName"),
        new("DateOfBirth", true, "DOB", "BirthDate", "Birthday", "Born"),
        new("Language", false, "PreferredLanguage", "Lang"),
        new("Active", false, "IsActive", "Status", "PatientStatus"),
        new("GuardianFirstName", false, "ParentFirstName", "ResponsiblePartyFirstName", "GuarantorFirstName"),
        new("GuardianLastName", false, "ParentLastName", "ResponsiblePartyLastName", "GuarantorLastName"),
        new("GuardianRelationship", false, "Relationship", "ParentRelationship"),
        new("Email", false, "EmailAddress", "HomeEmail", "PersonalEmail"),
        new("WorkEmail", false, "WorkEmailAddress", "BusinessEmail"),
        new("Text", false, "Mobile", "MobilePhone", "Cell", "CellPhone", "SMS", "TextPhone"),
        new("Phone", false, "HomePhone", "Telephone", "PhoneNumber"),
        new("WorkPhone", false, "BusinessPhone", "OfficePhone"),
    ];

    private static readonly (string Field, ContactMode Mode)[] ContactColumns =
    [
        ("Email", ContactMode.Email), ("WorkEmail", ContactMode.WorkEmail), ("Text", ContactMode.Text),
        ("Phone", ContactMode.Phone), ("WorkPhone", ContactMode.WorkPhone),
    ];

    public override ImportKind Kind => ImportKind.Patients;

    protected override IReadOnlyList<ImportField> Fields => PatientFields;

    protected override PatientImportRow? ParseRow(CsvRecordLine record, ImportColumnMap columns, List<ImportIssue> issues)
    {
        var before = issues.Count;
        var line = record.Line;
        string Required(string field, int maxLength)
        {
            var value = columns.Get(record, field);
            if (value is null)
            {
                issues.Add(new ImportIssue(line, field, $"{field} is required."));
                return "";
            }
            if (value.Length > maxLength)
            {
                issues.Add(new ImportIssue(line, field, $"{field} is longer than {maxLength} characters."));
            }
            return value;
        }
        string? Optional(string field, int maxLength)
        {
            var value = columns.Get(record, field);
            if (value is not null && value.Length > maxLength)
            {
                issues.Add(new ImportIssue(line, field, $"{field} is longer than {maxLength} characters."));
            }
            return value;
        }

        var chart = Required("ChartNumber", 32);
        var first = Required("FirstName", 100);
        var last = Required("LastName", 100);
        var preferred = Optional("PreferredName", 100);
        var dobText = Required("DateOfBirth", 40);
        var dob = default(DateOnly);
        if (dobText.Length > 0)
        {
            if (!ImportValueParser.TryParseDate(dobText, out dob))
            {
                issues.Add(new ImportIssue(line, "DateOfBirth", $"\"{dobText}\" is not a date; use YYYY-MM-DD or MM/DD/YYYY."));
            }
            else if (dob > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) || dob.Year < 1900)
            {
                issues.Add(new ImportIssue(line, "DateOfBirth", $"{dobText} is not a plausible date of birth."));
            }
        }

        string? language = null;
        var languageText = columns.Get(record, "Language");
        if (languageText is not null)
        {
            language = ImportValueParser.ParseLanguage(languageText);
            if (language is null)
            {
                issues.Add(new ImportIssue(line, "Language", $"\"{languageText}\" is not a language we know; use a code such as en or es."));
            }
        }

        bool? active = null;
        var activeText = columns.Get(record, "Active");
        if (activeText is not null)
        {
            active = ImportValueParser.ParseFlag(activeText);
            if (active is null)
            {
                issues.Add(new ImportIssue(line, "Active", $"\"{activeText}\" is not yes/no or active/inactive."));
            }
        }

        var contacts = new Dictionary<ContactMode, string?>();
        foreach (var (field, mode) in ContactColumns)
        {
            if (!columns.Has(field))
            {
                continue;
            }
            var raw = columns.Get(record, field);
            if (raw is null)
            {
                contacts[mode] = null;
                continue;
            }
            var normalized = normalizer.Normalize(mode, raw);
            if (!normalized.IsValid)
            {
                issues.Add(new ImportIssue(line, field, normalized.Error!));
                continue;
            }
            contacts[mode] = normalized.Value;
        }

        if (issues.Count > before)
        {
            return null;
        }
        return new PatientImportRow
        {
            Line = line,
            ChartNumber = chart,
            FirstName = first,
            LastName = last,
            PreferredName = preferred,
            DateOfBirth = dob,
            Language = language,
            IsActive = active,
            GuardianFirstName = Optional("GuardianFirstName", 100),
            GuardianLastName = Optional("GuardianLastName", 100),
            GuardianRelationship = Optional("GuardianRelationship", 40),
            Contacts = contacts,
        };
    }

    /// <summary>Each chart number's first line in the file: the only thing kept from every row while a pass reads on.</summary>
    private readonly Dictionary<string, int> _firstLine = new(StringComparer.OrdinalIgnoreCase);

    protected override void BeginPass() => _firstLine.Clear();

    protected override Task<IReadOnlyList<PatientImportRow>> ValidateBatchAsync(
        IReadOnlyList<PatientImportRow> rows, List<ImportIssue> issues, CancellationToken ct)
    {
        var unique = new List<PatientImportRow>(rows.Count);
        foreach (var row in rows)
        {
            if (!_firstLine.TryAdd(row.ChartNumber, row.Line))
            {
                issues.Add(new ImportIssue(row.Line, "ChartNumber",
                    $"Chart number {row.ChartNumber} already appears on line {_firstLine[row.ChartNumber]}."));
                continue;
            }
            unique.Add(row);
        }
        return Task.FromResult<IReadOnlyList<PatientImportRow>>(unique);
    }

    protected override async Task<int> CountExistingAsync(IReadOnlyList<PatientImportRow> rows, CancellationToken ct)
    {
        var count = 0;
        foreach (var chunk in rows.Select(r => r.ChartNumber.ToUpperInvariant()).Chunk(LookupChunk))
        {
            count += await Db.Patients.CountAsync(p => chunk.Contains(p.ChartNumber.ToUpper()), ct);
        }
        return count;
    }

    protected override async Task<(int Created, int Updated)> ApplyAsync(IReadOnlyList<PatientImportRow> rows, CancellationToken ct)
    {
        var existing = new Dictionary<string, Patient>(StringComparer.OrdinalIgnoreCase);
        // SQLite compares text case-sensitively; chart numbers match in any case, as under SQL Server's collation.
        foreach (var chunk in rows.Select(r => r.ChartNumber.ToUpperInvariant()).Chunk(LookupChunk))
        {
            var found = await Db.Patients
                .Include(p => p.Guardians)
                .Include(p => p.ContactPoints)
                .AsSplitQuery()
                .Where(p => chunk.Contains(p.ChartNumber.ToUpper()))
                .ToListAsync(ct);
            foreach (var patient in found)
            {
                existing[patient.ChartNumber] = patient;
            }
        }

        var now = clock.GetUtcNow();
        var created = 0;
        var updated = 0;
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.ChartNumber, out var patient))
            {
                updated++;
            }
            else
            {
                patient = new Patient
                {
                    ChartNumber = row.ChartNumber, FirstName = row.FirstName, LastName = row.LastName, CreatedUtc = now,
                };
                Db.Patients.Add(patient);
                created++;
            }
            patient.FirstName = row.FirstName;
            patient.LastName = row.LastName;
            patient.PreferredName = row.PreferredName;
            patient.DateOfBirth = row.DateOfBirth;
            patient.Language = row.Language ?? patient.Language;
            patient.IsActive = row.IsActive ?? patient.IsActive;
            patient.UpdatedUtc = now;

            var guardian = row.HasGuardian ? UpsertGuardian(patient, row) : null;
            foreach (var (mode, value) in row.Contacts)
            {
                ApplyContact(patient, guardian, mode, value, now);
            }
        }
        return (created, updated);
    }

    private Guardian UpsertGuardian(Patient patient, PatientImportRow row)
    {
        var first = row.GuardianFirstName ?? "";
        var last = row.GuardianLastName ?? patient.LastName;
        var guardian = patient.Guardians.FirstOrDefault(g =>
            string.Equals(g.FirstName, first, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(g.LastName, last, StringComparison.OrdinalIgnoreCase));
        if (guardian is null)
        {
            guardian = new Guardian { FirstName = first, LastName = last, Patient = patient };
            patient.Guardians.Add(guardian);
            Db.Guardians.Add(guardian);
        }
        guardian.Relationship = row.GuardianRelationship ?? guardian.Relationship;
        foreach (var other in patient.Guardians)
        {
            other.IsPrimary = ReferenceEquals(other, guardian);
        }
        return guardian;
    }

    private void ApplyContact(Patient patient, Guardian? owner, ContactMode mode, string? value, DateTimeOffset now)
    {
        var current = patient.ContactPoints.Where(c => c.Mode == mode).ToList();
        if (value is null)
        {
            foreach (var point in current)
            {
                patient.ContactPoints.Remove(point);
                Db.ContactPoints.Remove(point);
            }
            return;
        }
        var same = current.FirstOrDefault(c => c.Value == value);
        if (same is not null)
        {
            // The same address keeps its history: a bounced address stays bounced until staff fix it.
            same.Guardian = owner;
            return;
        }
        var target = current.FirstOrDefault();
        if (target is null)
        {
            target = new ContactPoint { Value = value, Mode = mode, Patient = patient };
            patient.ContactPoints.Add(target);
            Db.ContactPoints.Add(target);
        }
        target.Value = value;
        target.Guardian = owner;
        target.Status = ContactPointStatus.Valid;
        target.StatusReason = null;
        target.StatusChangedUtc = now;
    }
}
