using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Reports;

namespace PatientMessageExchange.Web.Features.MessagesSent;

/// <summary>
/// The Messages Sent report. Every signed-in role (front desk, office manager, administrator) may view, print and
/// export it: the original product lets anyone print it, the front desk already sees these patients and messages on
/// other tabs, and each print and export is audited (R26).
/// </summary>
public sealed class MessagesSentController(
    MessagesSentReporter reporter,
    MessagesSentExporter exporter,
    PracticeDirectory practice,
    AuditLog audit,
    TimeProvider clock) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(MessagesSentQuery query, CancellationToken ct)
    {
        query.Sanitized();
        var period = Resolve(query, out var zone);
        if (period is null)
        {
            return View(new MessagesSentModel(query, null, new MessagesSentChoices([], []), null));
        }
        var report = await reporter.BuildAsync(period, ct);
        var choices = await reporter.ChoicesAsync(period, ct);
        var detail = query.HasGroupOpen ? await DetailAsync(query, period, zone, ct) : null;
        return View(new MessagesSentModel(query, report, choices, detail));
    }

    /// <summary>A group's page of messages, for htmx to place under the totals.</summary>
    [HttpGet]
    public async Task<IActionResult> Detail(MessagesSentQuery query, CancellationToken ct)
    {
        query.Sanitized();
        var period = Resolve(query, out var zone);
        if (period is null || !query.HasGroupOpen)
        {
            return BadRequest();
        }
        return PartialView("_Detail", await DetailAsync(query, period, zone, ct));
    }

    [HttpGet]
    public async Task<IActionResult> Print(MessagesSentQuery query, CancellationToken ct)
    {
        query.Sanitized();
        var period = Resolve(query, out var zone);
        if (period is null)
        {
            return RedirectToAction(nameof(Index), query.With());
        }
        var report = await reporter.BuildAsync(period, ct);
        // Every row is printed: the view streams each group's rows from the database as it writes them, so no group is
        // cut short and nothing is held in memory whole. Counted first, for the audit trail and the group headings.
        var filter = query.ToFilter();
        var counts = new Dictionary<ContactMode, int>();
        foreach (var group in report.Groups.Where(g => g.Counts.Total > 0))
        {
            counts[group.Mode] = (await reporter.ListAsync(period, filter with { Mode = group.Mode }, 1, 10, ct)).TotalCount;
        }
        var profile = await practice.GetAsync(ct);
        await audit.RecordAsync(AuditActions.MessagesSentPrinted, "MessagesSentReport", period.IsoRange,
            string.Create(CultureInfo.InvariantCulture, $"Print, {period.IsoRange}, {counts.Values.Sum():N0} rows"), ct);
        return View(new MessagesSentPrintModel(profile.Name, report, zone, clock.GetUtcNow(),
            User.Identity?.Name ?? "unknown", counts,
            mode => reporter.StreamAsync(period, filter with { Mode = mode }, HttpContext.RequestAborted),
            () => reporter.StreamInboundAsync(period, HttpContext.RequestAborted)));
    }

    [HttpGet]
    public Task Csv(MessagesSentQuery query, CancellationToken ct) => ExportAsync(query, ExportFormat.Csv, ct);

    [HttpGet]
    public Task Xlsx(MessagesSentQuery query, CancellationToken ct) => ExportAsync(query, ExportFormat.Xlsx, ct);

    /// <summary>Writes the file straight to the response body as the rows are read; nothing is buffered whole.</summary>
    private async Task ExportAsync(MessagesSentQuery query, ExportFormat format, CancellationToken ct)
    {
        query.Sanitized();
        var period = Resolve(query, out _);
        if (period is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await Response.WriteAsync("Choose a valid period before exporting.", ct);
            return;
        }
        var name = $"messages-sent-{period.FirstDay:yyyyMMdd}-{period.LastDay:yyyyMMdd}";
        Response.Headers.CacheControl = "no-store";
        if (format == ExportFormat.Csv)
        {
            Response.ContentType = "text/csv; charset=utf-8";
            Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
            await exporter.WriteCsvAsync(period, query.ToFilter(), Response.Body, ct);
        }
        else
        {
            Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.xlsx\"";
            // ZipArchive finishes the archive (central directory) with synchronous writes; allow them for this
            // one response rather than for the whole server.
            HttpContext.Features.Get<IHttpBodyControlFeature>()?.AllowSynchronousIO = true;
            await exporter.WriteXlsxAsync(period, query.ToFilter(), Response.Body, ct);
        }
    }

    private async Task<MessagesSentDetailModel> DetailAsync(MessagesSentQuery query, ReportPeriod period, TimeZoneInfo zone,
        CancellationToken ct) =>
        query.Inbound
            ? new MessagesSentDetailModel(query, period, zone, null, await reporter.ListInboundAsync(period, query.Page, ct: ct))
            : new MessagesSentDetailModel(query, period, zone,
                await reporter.ListAsync(period, query.ToFilter(), query.Page, ct: ct), null);

    private ReportPeriod? Resolve(MessagesSentQuery query, out TimeZoneInfo zone)
    {
        zone = practice.GetTimeZone();
        var period = query.ResolvePeriod(clock.GetUtcNow(), zone, out var problem);
        if (problem is not null)
        {
            ModelState.AddModelError(query.From is null ? nameof(query.From) : nameof(query.To), problem);
        }
        return period;
    }
}
