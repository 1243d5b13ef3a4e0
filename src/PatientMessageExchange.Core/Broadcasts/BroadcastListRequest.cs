namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>
/// Where a broadcast's addresses come from, in any mix: the patients' email contact points by filter, pasted
/// addresses, and an uploaded CSV (an "Email" column, or the first column).
/// </summary>
public sealed record BroadcastListRequest
{
    public bool FromPatients { get; init; }
    public bool IncludeEmail { get; init; } = true;
    public bool IncludeWorkEmail { get; init; }
    public bool ActiveOnly { get; init; } = true;
    public int? MinAge { get; init; }
    public int? MaxAge { get; init; }

    /// <summary>Only families whose contact preferences let general announcements reach them by email.</summary>
    public bool WantsGeneralAnnouncements { get; init; }

    public string? Pasted { get; init; }
    public byte[]? Csv { get; init; }
    public string? CsvName { get; init; }

    public bool IsEmpty => !FromPatients && string.IsNullOrWhiteSpace(Pasted) && (Csv is null || Csv.Length == 0);
}
