namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>Whether a domain can receive mail (has an MX record, or an address record to fall back on).</summary>
public interface IMailServerCheck
{
    Task<bool> AcceptsMailAsync(string domain, CancellationToken ct);
}
