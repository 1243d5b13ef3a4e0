using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Reports;

namespace PatientMessageExchange.Web.Features.MessagesSent;

/// <summary>The report's query string: the period, which group is open, the list filters and the page.</summary>
public sealed class MessagesSentQuery
{
    public ReportPeriodPreset Period { get; set; } = ReportPeriodPreset.ThisMonth;
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>The contact-mode group whose messages are listed.</summary>
    public ContactMode? Mode { get; set; }

    /// <summary>Lists the inbound replies instead of a contact mode's messages.</summary>
    public bool Inbound { get; set; }

    public long? CampaignId { get; set; }
    public Need? Need { get; set; }
    public string? Staff { get; set; }
    public MessageStatus? Status { get; set; }

    /// <summary>True: automated messages only; false: those a person sent only; null: both.</summary>
    public bool? Automated { get; set; }

    public int Page { get; set; } = 1;

    public bool HasGroupOpen => Mode is not null || Inbound;

    /// <summary>Drops values that no list offers (e.g. Mode=99 typed into the address), so they can't reach a query.</summary>
    public MessagesSentQuery Sanitized()
    {
        if (!Enum.IsDefined(Period))
        {
            Period = ReportPeriodPreset.ThisMonth;
        }
        if (Mode is { } mode && !Enum.IsDefined(mode))
        {
            Mode = null;
        }
        if (Need is { } need && !Enum.IsDefined(need))
        {
            Need = null;
        }
        if (Status is { } status && !(Enum.IsDefined(status) && status.IsFinal()))
        {
            Status = null;
        }
        Staff = string.IsNullOrWhiteSpace(Staff) ? null : Staff.Trim();
        Page = Math.Max(1, Page);
        return this;
    }

    public ReportPeriod? ResolvePeriod(DateTimeOffset nowUtc, TimeZoneInfo zone, out string? problem)
    {
        problem = null;
        return Period == ReportPeriodPreset.Custom
            ? ReportPeriod.Custom(From, To, zone, out problem)
            : ReportPeriod.ForPreset(Period, nowUtc, zone);
    }

    public MessagesSentFilter ToFilter() => new(Mode, CampaignId, Need, Staff, Status, Automated);

    /// <summary>This query as route values, with some changed; for links that keep the period and filters.</summary>
    public Dictionary<string, string?> With(ContactMode? mode = null, bool? inbound = null, int? page = null, bool keepGroup = true)
    {
        var values = new Dictionary<string, string?>
        {
            [nameof(Period)] = Period.ToString(),
            [nameof(CampaignId)] = CampaignId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [nameof(Need)] = Need?.ToString(),
            [nameof(Staff)] = Staff,
            [nameof(Status)] = Status?.ToString(),
            [nameof(Automated)] = Automated is { } automated ? (automated ? "true" : "false") : null,
        };
        if (Period == ReportPeriodPreset.Custom)
        {
            values[nameof(From)] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            values[nameof(To)] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
        var groupMode = mode ?? (keepGroup && inbound is null ? Mode : null);
        var groupInbound = inbound ?? (keepGroup && mode is null && Inbound);
        if (groupMode is not null)
        {
            values[nameof(Mode)] = groupMode.ToString();
        }
        if (groupInbound)
        {
            values[nameof(Inbound)] = "true";
        }
        if (page is > 1)
        {
            values[nameof(Page)] = page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return values;
    }
}
