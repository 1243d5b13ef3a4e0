using DnsClient;
using DnsClient.Protocol;
using Microsoft.Extensions.Logging;

namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>
/// Asks DNS for a domain's MX records, falling back to an A/AAAA record as SMTP does (RFC 5321 §5.1). A domain with a
/// "null MX" (RFC 7505) accepts no mail. When DNS itself fails, the address is kept: a resolver outage must not empty a list.
/// </summary>
public sealed class DnsMailServerCheck(ILookupClient dns, ILogger<DnsMailServerCheck> logger) : IMailServerCheck
{
    public async Task<bool> AcceptsMailAsync(string domain, CancellationToken ct)
    {
        try
        {
            var mx = await dns.QueryAsync(domain, QueryType.MX, cancellationToken: ct);
            if (mx.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
            {
                return false;
            }
            var exchanges = mx.Answers.OfType<MxRecord>().ToList();
            if (exchanges.Count > 0)
            {
                return !exchanges.All(r => r.Exchange.Value is "." or "");
            }
            var a = await dns.QueryAsync(domain, QueryType.A, cancellationToken: ct);
            if (a.Answers.OfType<ARecord>().Any())
            {
                return true;
            }
            var aaaa = await dns.QueryAsync(domain, QueryType.AAAA, cancellationToken: ct);
            return aaaa.Answers.OfType<AaaaRecord>().Any();
        }
        catch (DnsResponseException ex)
        {
            logger.LogWarning(ex, "MX lookup failed; the address is kept");
            return true;
        }
    }
}
