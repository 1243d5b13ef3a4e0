using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Core.Broadcasts;

public class BroadcastOptions
{
    public const string Section = "Broadcasts";

    /// <summary>Whether each address's domain must have a mail server (an MX record); off by default.</summary>
    public bool CheckMx { get; set; }

    /// <summary>How many removed addresses the composer lists by name; the rest are counted.</summary>
    [Range(1, 1000)]
    public int RemovedShown { get; set; } = 50;

    /// <summary>Largest list a pasted text or uploaded file may hold, in characters or bytes.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public int MaxUploadBytes { get; set; } = 20 * 1024 * 1024;
}
