using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Patients.Import;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Common;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>Turns the composer's audience choice into recipients, with set-based queries.</summary>
public class AudienceBuilder(PmxDbContext db, PracticeDirectory practice, TimeProvider clock)
{
    private const int MaxProblems = 50;

    private static readonly IReadOnlyList<ImportField> DueListFields =
    [
        new("ChartNumber", true, "Chart", "ChartNo", "Chart#", "Account", "MRN", "PatientId"),
        new("Item", true, "DueItem", "Due", "Recall", "Immunization", "Vaccine", "Description"),
        new("DueDate", false, "Date", "Due By", "DueBy"),
    ];

    public async Task<Audience> BuildAsync(AudienceRequest request, CancellationToken ct = default) => request.Kind switch
    {
        AudienceKind.Appointments => await AppointmentsAsync(request, ct),
        AudienceKind.AgeRange => await AgeRangeAsync(request, ct),
        AudienceKind.ChartNumbers => await ChartNumbersAsync(request.ChartNumbers ?? "", ct),
        AudienceKind.DueList => await DueListAsync(request.DueList, ct),
        _ => new Audience([], "", ["Choose who the message is for."]),
    };

    private async Task<Audience> AppointmentsAsync(AudienceRequest request, CancellationToken ct)
    {
        var zone = practice.GetTimeZone();
        var today = zone.LocalDate(clock.GetUtcNow());
        var from = request.From ?? today.AddDays(1);
        var to = request.To ?? from;
        if (to < from)
        {
            return new Audience([], "", ["The end date is before the start date."]);
        }
        if (to.DayNumber - from.DayNumber > 62)
        {
            return new Audience([], "", ["Choose at most two months of appointments at a time."]);
        }
        var startUtc = zone.StartOfDayUtc(from);
        var endUtc = zone.StartOfDayUtc(to.AddDays(1));
        var query = db.Appointments.AsNoTracking().Where(a => a.StartUtc >= startUtc && a.StartUtc < endUtc &&
            (a.Status == AppointmentStatus.Scheduled || a.Status == AppointmentStatus.Confirmed));
        if (!string.IsNullOrWhiteSpace(request.Provider))
        {
            query = query.Where(a => a.Provider!.Name == request.Provider);
        }
        if (!string.IsNullOrWhiteSpace(request.Location))
        {
            query = query.Where(a => a.Location == request.Location);
        }
        var members = await query.OrderBy(a => a.StartUtc).ThenBy(a => a.Id)
            .Select(a => new AudienceMember(a.PatientId, a.Id, null, null)).ToListAsync(ct);
        var days = from == to ? from.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)
            : $"{from.ToString("MMM d", CultureInfo.InvariantCulture)}–{to.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}";
        var description = string.Join(" · ", new[] { $"Appointments {days}", request.Provider, request.Location }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        return new Audience(members, description, []);
    }

    private async Task<Audience> AgeRangeAsync(AudienceRequest request, CancellationToken ct)
    {
        var min = request.MinAge ?? 0;
        var max = request.MaxAge ?? 120;
        if (min < 0 || max < min)
        {
            return new Audience([], "", ["Enter an age range such as 4 to 6."]);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var bornAfter = today.AddYears(-(max + 1));
        var bornOnOrBefore = today.AddYears(-min);
        var members = await db.Patients.AsNoTracking()
            .Where(p => p.IsActive && p.DateOfBirth > bornAfter && p.DateOfBirth <= bornOnOrBefore)
            .OrderBy(p => p.Id).Select(p => new AudienceMember(p.Id, null, null, null)).ToListAsync(ct);
        return new Audience(members, $"Active patients aged {min} to {max}", []);
    }

    private async Task<Audience> ChartNumbersAsync(string text, CancellationToken ct)
    {
        var wanted = text.Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Audience([], "", ["Paste one or more chart numbers."]);
        }
        var found = await FindByChartAsync(wanted, ct);
        var problems = wanted.Where(c => !found.ContainsKey(c)).Take(MaxProblems)
            .Select(c => $"No patient has chart number {c}.").ToList();
        var members = wanted.Where(found.ContainsKey).Select(c => new AudienceMember(found[c])).ToList();
        return new Audience(members, $"Hand-picked list of {members.Count} patient(s)", problems);
    }

    private async Task<Audience> DueListAsync(byte[]? content, CancellationToken ct)
    {
        if (content is null || content.Length == 0)
        {
            return new Audience([], "", ["Upload the due list (CSV with ChartNumber, Item and DueDate)."]);
        }
        var document = CsvDocument.Parse(content);
        var columns = ImportColumnMap.Build(document.Headers, DueListFields);
        var problems = columns.Issues.Select(i => $"Line {i.Line}: {i.Message}")
            .Concat(document.StructuralIssues.Select(i => $"Line {i.Line}: {i.Message}")).ToList();
        if (columns.Issues.Count > 0)
        {
            return new Audience([], "", problems);
        }
        var rows = new List<(int Line, string Chart, string Item, DateOnly? Due)>();
        foreach (var record in document.Records)
        {
            var chart = columns.Get(record, "ChartNumber");
            var item = columns.Get(record, "Item");
            var dueText = columns.Get(record, "DueDate");
            DateOnly? due = null;
            if (chart is null || item is null)
            {
                problems.Add($"Line {record.Line}: ChartNumber and Item are required.");
                continue;
            }
            if (dueText is not null)
            {
                if (!ImportValueParser.TryParseDate(dueText, out var parsed))
                {
                    problems.Add($"Line {record.Line}: \"{dueText}\" is not a date.");
                    continue;
                }
                due = parsed;
            }
            rows.Add((record.Line, chart.ToUpperInvariant(), item.Length > 100 ? item[..100] : item, due));
        }
        var found = await FindByChartAsync(rows.Select(r => r.Chart).Distinct().ToList(), ct);
        var members = new List<AudienceMember>();
        foreach (var row in rows)
        {
            if (found.TryGetValue(row.Chart, out var patientId))
            {
                members.Add(new AudienceMember(patientId, null, row.Item, row.Due));
            }
            else
            {
                problems.Add($"Line {row.Line}: no patient has chart number {row.Chart}.");
            }
        }
        return new Audience(members, $"Due list of {members.Count} item(s)", problems.Take(MaxProblems).ToList());
    }

    private async Task<Dictionary<string, int>> FindByChartAsync(IReadOnlyList<string> charts, CancellationToken ct)
    {
        var found = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in charts.Chunk(500))
        {
            var matches = await db.Patients.AsNoTracking().Where(p => chunk.Contains(p.ChartNumber.ToUpper()))
                .Select(p => new { p.ChartNumber, p.Id }).ToListAsync(ct);
            foreach (var match in matches)
            {
                found[match.ChartNumber.ToUpperInvariant()] = match.Id;
            }
        }
        return found;
    }
}
