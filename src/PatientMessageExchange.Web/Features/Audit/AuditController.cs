using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Reports;
using PatientMessageExchange.Web.Configuration;

namespace PatientMessageExchange.Web.Features.Audit;

/// <summary>Who did what, when and from where: the append-only trail, for administrators only.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class AuditController(AuditTrail trail, AuditLog audit, PracticeDirectory practice) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] AuditQuery query, CancellationToken ct)
    {
        var zone = practice.GetTimeZone();
        if (PracticeDays.CheckRange(query.From, query.To) is { } problem)
        {
            ModelState.AddModelError("", problem);
            query = query with { From = null, To = null };
        }
        return View(new AuditIndexModel(query, await trail.SearchAsync(query, zone, ct), await trail.ActionsAsync(ct), zone));
    }

    /// <summary>The filtered trail as CSV, streamed row by row; the export itself is audited.</summary>
    [HttpGet]
    public async Task Export([FromQuery] AuditQuery query, CancellationToken ct)
    {
        // Checked before the first byte is written: once the CSV has started, an error can only cut it off.
        if (PracticeDays.CheckRange(query.From, query.To) is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var zone = practice.GetTimeZone();
        await audit.RecordAsync(AuditActions.AuditExported, "AuditEvent", null,
            $"CSV export {query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "start"}..{query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "now"}", ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"audit.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await using var csv = new SafeCsvWriter(writer);
        await csv.WriteRowAsync(["Id", "OccurredLocal", "User", "Action", "EntityType", "EntityId", "Detail", "IpAddress"]);
        await foreach (var e in trail.StreamAsync(query, zone).WithCancellation(ct))
        {
            var local = TimeZoneInfo.ConvertTime(e.OccurredUtc, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            await csv.WriteRowAsync([e.Id.ToString(CultureInfo.InvariantCulture), local, e.UserName, e.Action, e.EntityType,
                e.EntityId, e.Detail, e.IpAddress]);
        }
        await csv.FlushAsync();
    }
}
