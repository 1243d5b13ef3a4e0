using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Patients.Import;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Suppressions;

namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>
/// Builds a broadcast's list of unique addresses from any mix of sources. Every candidate is normalized (syntax, and the
/// domain's mail server where configured), de-duplicated case-insensitively, and dropped with a reason when it is
/// suppressed (unsubscribed, hard-bounced, complained) or on a chart as Bounced or OptedOut — all before any credit is
/// reserved (R13). Contact points are streamed from the database; only the unique addresses and the removed ones are kept.
/// </summary>
public sealed partial class BroadcastListBuilder(
    PmxDbContext db,
    ContactResolver resolver,
    TimeProvider clock,
    IOptions<BroadcastOptions> options,
    IMailServerCheck? mailServers = null)
{
    private static readonly string[] EmailHeaders = ["email", "emailaddress", "e-mail", "mail", "email address"];

    public async Task<BroadcastList> BuildAsync(BroadcastListRequest request, CancellationToken ct = default)
    {
        var problems = new List<string>();
        if (request.IsEmpty)
        {
            return new BroadcastList([], [], 0, 0, "", ["Choose patients, paste addresses or upload a file."]);
        }
        if (request.FromPatients && !request.IncludeEmail && !request.IncludeWorkEmail)
        {
            problems.Add("Choose email, work email or both for the patients' addresses.");
        }
        if (request.MinAge < 0 || request.MaxAge < 0 || request.MinAge > request.MaxAge || request.MaxAge > 130)
        {
            problems.Add("Enter an age range such as 4 to 6.");
        }
        if (problems.Count > 0)
        {
            return new BroadcastList([], [], 0, 0, "", problems);
        }

        var suppressed = await LoadSuppressionsAsync(ct);
        var flagged = await LoadFlaggedPointsAsync(ct);
        var state = new ListState(suppressed, flagged);
        var parts = new List<string>();

        if (request.FromPatients)
        {
            parts.Add(DescribePatients(request));
            await foreach (var candidate in PatientCandidatesAsync(request, ct))
            {
                await AddAsync(state, candidate, ct);
            }
        }
        if (!string.IsNullOrWhiteSpace(request.Pasted))
        {
            var before = state.Candidates;
            foreach (var token in SplitPasted(request.Pasted))
            {
                await AddAsync(state, new Candidate(token, ContactMode.Email, null, null, null, null), ct);
            }
            parts.Add($"{state.Candidates - before:N0} pasted");
        }
        if (request.Csv is { Length: > 0 } csv)
        {
            var before = state.Candidates;
            foreach (var token in CsvAddresses(csv, problems))
            {
                await AddAsync(state, new Candidate(token, ContactMode.Email, null, null, null, null), ct);
            }
            parts.Add($"{state.Candidates - before:N0} from an uploaded file");
        }
        var description = $"Email broadcast: {string.Join(" · ", parts)}";
        return new BroadcastList(state.Recipients, state.Removed, state.Candidates, state.Duplicates,
            description.Length > 500 ? description[..500] : description, problems);
    }

    private async Task AddAsync(ListState state, Candidate candidate, CancellationToken ct)
    {
        state.Candidates++;
        var normalized = ContactNormalizer.NormalizeEmail(candidate.Raw);
        if (!normalized.IsValid)
        {
            state.Removed.Add(new RemovedAddress(Shorten(candidate.Raw), RemovalReason.InvalidAddress, normalized.Error!, candidate.PatientId));
            return;
        }
        var address = normalized.Value!;
        if (!state.Seen.Add(address))
        {
            state.Duplicates++;
            return;
        }
        if (state.Suppressed.TryGetValue(address, out var suppression))
        {
            state.Removed.Add(new RemovedAddress(address, Classify(suppression), $"Suppressed: {suppression}", candidate.PatientId));
            return;
        }
        if (candidate.Status is ContactPointStatus.Bounced or ContactPointStatus.OptedOut or ContactPointStatus.Invalid)
        {
            state.Removed.Add(FromPoint(address, candidate.Status.Value, candidate.StatusReason, candidate.PatientId));
            return;
        }
        if (state.Flagged.TryGetValue(address, out var point))
        {
            state.Removed.Add(FromPoint(address, point.Status, point.Reason, point.PatientId));
            return;
        }
        if (options.Value.CheckMx && mailServers is not null)
        {
            var domain = address[(address.IndexOf('@') + 1)..];
            if (!state.Domains.TryGetValue(domain, out var accepts))
            {
                state.Domains[domain] = accepts = await mailServers.AcceptsMailAsync(domain, ct);
            }
            if (!accepts)
            {
                state.Removed.Add(new RemovedAddress(address, RemovalReason.NoMailServer,
                    $"The domain {domain} has no mail server.", candidate.PatientId));
                return;
            }
        }
        state.Recipients.Add(new BroadcastRecipient(address, candidate.Mode, candidate.PatientId, candidate.ContactPointId));
    }

    private async IAsyncEnumerable<Candidate> PatientCandidatesAsync(BroadcastListRequest request,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var patients = db.Patients.AsNoTracking();
        if (request.ActiveOnly)
        {
            patients = patients.Where(p => p.IsActive);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (request.MinAge is { } min)
        {
            var bornOnOrBefore = today.AddYears(-min);
            patients = patients.Where(p => p.DateOfBirth <= bornOnOrBefore);
        }
        if (request.MaxAge is { } max)
        {
            var bornAfter = today.AddYears(-(max + 1));
            patients = patients.Where(p => p.DateOfBirth > bornAfter);
        }
        var modes = new List<ContactMode>();
        if (request.IncludeEmail)
        {
            modes.Add(ContactMode.Email);
        }
        if (request.IncludeWorkEmail)
        {
            modes.Add(ContactMode.WorkEmail);
        }

        HashSet<int>? allowed = null;
        if (request.WantsGeneralAnnouncements)
        {
            // The resolver applies the family's preference order, do-not-contact modes and the minor/guardian rule.
            // Points it passed over only because they are bounced, opted out or suppressed stay in, so they are
            // reported below with their reason instead of silently vanishing.
            allowed = [];
            foreach (var resolution in await resolver.ResolveAsync(patients, [Need.GeneralAnnouncement], ct))
            {
                foreach (var contact in resolution.Contacts.Where(c => modes.Contains(c.Mode)))
                {
                    allowed.Add(contact.ContactPointId);
                }
                foreach (var skipped in resolution.Skipped)
                {
                    if (skipped.ContactPointId is { } id && modes.Contains(skipped.Mode) &&
                        skipped.Reason is SkipReason.Bounced or SkipReason.OptedOut or SkipReason.Invalid or SkipReason.Suppressed)
                    {
                        allowed.Add(id);
                    }
                }
            }
        }

        var ids = patients.Select(p => p.Id);
        var points = db.ContactPoints.AsNoTracking()
            .Where(c => ids.Contains(c.PatientId) && modes.Contains(c.Mode))
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.PatientId, c.Mode, c.Value, c.Status, c.StatusReason })
            .AsAsyncEnumerable();
        await foreach (var point in points.WithCancellation(ct))
        {
            if (allowed is not null && !allowed.Contains(point.Id))
            {
                continue;
            }
            yield return new Candidate(point.Value, point.Mode, point.PatientId, point.Id,
                point.Status == ContactPointStatus.Valid ? null : point.Status, point.StatusReason);
        }
    }

    private async Task<Dictionary<string, string>> LoadSuppressionsAsync(CancellationToken ct)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in db.Suppressions.AsNoTracking().Where(s => s.Channel == SuppressionChannel.Email)
                           .Select(s => new { s.Address, s.Reason }).AsAsyncEnumerable().WithCancellation(ct))
        {
            map[row.Address.ToLowerInvariant()] = row.Reason;
        }
        return map;
    }

    private async Task<Dictionary<string, FlaggedPoint>> LoadFlaggedPointsAsync(CancellationToken ct)
    {
        var map = new Dictionary<string, FlaggedPoint>(StringComparer.Ordinal);
        await foreach (var row in db.ContactPoints.AsNoTracking()
                           .Where(c => (c.Mode == ContactMode.Email || c.Mode == ContactMode.WorkEmail) &&
                                       (c.Status == ContactPointStatus.Bounced || c.Status == ContactPointStatus.OptedOut))
                           .OrderBy(c => c.Id)
                           .Select(c => new { c.Value, c.Status, c.StatusReason, c.PatientId })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            map.TryAdd(row.Value, new FlaggedPoint(row.Status, row.StatusReason, row.PatientId));
        }
        return map;
    }

    private static RemovedAddress FromPoint(string address, ContactPointStatus status, string? reason, int? patientId)
    {
        var detail = string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}";
        return status switch
        {
            ContactPointStatus.Bounced => new RemovedAddress(address, RemovalReason.HardBounced, $"Marked bounced on the chart{detail}", patientId),
            ContactPointStatus.OptedOut => new RemovedAddress(address, RemovalReason.OptedOut, $"Opted out on the chart{detail}", patientId),
            _ => new RemovedAddress(address, RemovalReason.InvalidAddress, $"Marked invalid on the chart{detail}", patientId),
        };
    }

    /// <summary>Suppression reasons are free text written by each path (unsubscribe, bounce, complaint); sort them for the user.</summary>
    public static RemovalReason Classify(string suppressionReason)
    {
        var reason = suppressionReason.ToLowerInvariant();
        return reason.Contains("unsubscrib", StringComparison.Ordinal) ? RemovalReason.Unsubscribed
            : reason.Contains("complain", StringComparison.Ordinal) || reason.Contains("abuse", StringComparison.Ordinal) ? RemovalReason.Complained
            : reason.Contains("bounce", StringComparison.Ordinal) ? RemovalReason.HardBounced
            : reason.Contains("opted out", StringComparison.Ordinal) ? RemovalReason.OptedOut
            : RemovalReason.Suppressed;
    }

    public static IEnumerable<string> SplitPasted(string text)
    {
        foreach (Match match in PastedToken().Matches(text))
        {
            var token = match.Value.Trim('<', '>', '"', '\'', '(', ')', '[', ']');
            if (token.Length > 0)
            {
                yield return token;
            }
        }
    }

    private static IEnumerable<string> CsvAddresses(byte[] content, List<string> problems)
    {
        var document = CsvDocument.Parse(content);
        foreach (var issue in document.StructuralIssues.Take(10))
        {
            problems.Add($"Line {issue.Line} of the file: {issue.Message}");
        }
        var column = -1;
        for (var i = 0; i < document.Headers.Count; i++)
        {
            var header = document.Headers[i].Trim().ToLowerInvariant().Replace("_", "", StringComparison.Ordinal);
            if (EmailHeaders.Contains(header))
            {
                column = i;
                break;
            }
        }
        if (column < 0)
        {
            column = 0;
            // A file without a header row: its first line is already an address.
            if (document.Headers.Count > 0 && ContactNormalizer.NormalizeEmail(document.Headers[0]).IsValid)
            {
                yield return document.Headers[0];
            }
        }
        foreach (var record in document.Records)
        {
            if (column < record.Fields.Count && !string.IsNullOrWhiteSpace(record.Fields[column]))
            {
                yield return record.Fields[column];
            }
        }
    }

    private static string DescribePatients(BroadcastListRequest request)
    {
        var modes = request is { IncludeEmail: true, IncludeWorkEmail: true } ? "email and work email"
            : request.IncludeWorkEmail ? "work email" : "email";
        var who = request.ActiveOnly ? "active patients" : "all patients";
        var ages = (request.MinAge, request.MaxAge) switch
        {
            (null, null) => "",
            ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $" aged {min}+"),
            (null, { } max) => string.Create(CultureInfo.InvariantCulture, $" aged up to {max}"),
            ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $" aged {min}–{max}"),
        };
        var preference = request.WantsGeneralAnnouncements ? ", who take general announcements by email" : "";
        return $"{who}{ages} ({modes}){preference}";
    }

    private static string Shorten(string raw)
    {
        var trimmed = raw.Trim();
        return trimmed.Length <= 254 ? trimmed : trimmed[..251] + "...";
    }

    [GeneratedRegex(@"[^\s,;]+")]
    private static partial Regex PastedToken();

    private sealed record Candidate(string Raw, ContactMode Mode, int? PatientId, int? ContactPointId,
        ContactPointStatus? Status, string? StatusReason);

    private sealed record FlaggedPoint(ContactPointStatus Status, string? Reason, int PatientId);

    private sealed class ListState(Dictionary<string, string> suppressed, Dictionary<string, FlaggedPoint> flagged)
    {
        public Dictionary<string, string> Suppressed { get; } = suppressed;
        public Dictionary<string, FlaggedPoint> Flagged { get; } = flagged;
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, bool> Domains { get; } = new(StringComparer.Ordinal);
        public List<BroadcastRecipient> Recipients { get; } = [];
        public List<RemovedAddress> Removed { get; } = [];
        public int Candidates { get; set; }
        public int Duplicates { get; set; }
    }
}
