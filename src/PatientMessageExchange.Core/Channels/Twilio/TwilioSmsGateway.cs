using Microsoft.Extensions.Options;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace PatientMessageExchange.Core.Channels.Twilio;

/// <summary>
/// Texts through Twilio's Messages API: from the messaging service when configured, otherwise from the from-number,
/// with our status callback on every message.
/// <para>
/// Twilio has no idempotency key, so <see cref="FindAsync"/> identifies a text by what only it has: the same To number
/// and the same rendered body (it carries the patient's name and appointment), created at or after the message row
/// (minus a little clock skew). It lists the number's messages since that day (the API filters by date) and matches
/// in memory.
/// </para>
/// </summary>
public sealed class TwilioSmsGateway(TwilioApi api, IOptions<TwilioOptions> options) : ISmsGateway
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(10);

    public Task<GatewayResult> SendAsync(OutgoingSms sms, CancellationToken ct)
    {
        var o = options.Value;
        var create = new CreateMessageOptions(new PhoneNumber(sms.To))
        {
            Body = sms.Body,
            StatusCallback = o.StatusCallbackUrl(),
        };
        if (!string.IsNullOrWhiteSpace(o.MessagingServiceSid))
        {
            create.MessagingServiceSid = o.MessagingServiceSid;
        }
        else
        {
            create.From = new PhoneNumber(o.FromNumber);
        }
        return TwilioApi.CreateAsync(async () => (await MessageResource.CreateAsync(create, api.Client)).Sid);
    }

    public async Task<string?> FindAsync(OutgoingSms sms, DateTimeOffset sinceUtc, CancellationToken ct)
    {
        var from = sinceUtc - Skew;
        var read = new ReadMessageOptions { To = new PhoneNumber(sms.To), DateSentAfter = from.UtcDateTime.Date, PageSize = 50, Limit = 200 };
        var found = await MessageResource.ReadAsync(read, api.Client);
        return found.FirstOrDefault(m => m.Body == sms.Body && (m.DateCreated is null || m.DateCreated.Value.ToUniversalTime() >= from.UtcDateTime))?.Sid;
    }
}
