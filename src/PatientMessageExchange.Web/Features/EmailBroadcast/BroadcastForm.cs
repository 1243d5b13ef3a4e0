using PatientMessageExchange.Core.Broadcasts;

namespace PatientMessageExchange.Web.Features.EmailBroadcast;

/// <summary>The composer's form: the list's sources, the content, and when to send.</summary>
public sealed class BroadcastForm
{
    public bool FromPatients { get; set; }
    public bool IncludeEmail { get; set; } = true;
    public bool IncludeWorkEmail { get; set; }
    public bool ActiveOnly { get; set; } = true;
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    public bool WantsGeneralAnnouncements { get; set; }
    public string? Pasted { get; set; }
    public IFormFile? CsvFile { get; set; }

    /// <summary>A saved broadcast template; when empty, <see cref="Subject"/> and <see cref="Body"/> are a new message.</summary>
    public int? TemplateId { get; set; }

    public string? Subject { get; set; }
    public string? Body { get; set; }
    public string? Name { get; set; }

    /// <summary>"now" or "later".</summary>
    public string When { get; set; } = "now";

    /// <summary>Local time in the practice's time zone.</summary>
    public DateTime? ScheduledFor { get; set; }

    public bool IsScheduled => string.Equals(When, "later", StringComparison.OrdinalIgnoreCase);

    public BroadcastListRequest ToRequest(byte[]? csv) => new()
    {
        FromPatients = FromPatients,
        IncludeEmail = IncludeEmail,
        IncludeWorkEmail = IncludeWorkEmail,
        ActiveOnly = ActiveOnly,
        MinAge = MinAge,
        MaxAge = MaxAge,
        WantsGeneralAnnouncements = WantsGeneralAnnouncements,
        Pasted = Pasted,
        Csv = csv,
    };

    public BroadcastContent ToContent() => TemplateId is { } id ? new BroadcastContent(id, null, null) : new BroadcastContent(null, Subject, Body);
}
