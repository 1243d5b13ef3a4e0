using Microsoft.Extensions.Options;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace PatientMessageExchange.Core.Channels.Twilio;

/// <summary>
/// Calls through Twilio. The call fetches its TwiML from our app (the message's voice URL), so no script travels in
/// the create request. Answering machines are detected and the outcome is posted to the TwiML URL as AnsweredBy.
/// A call has no body to match, so <see cref="FindAsync"/> matches the To number and the creation time.
/// </summary>
public sealed class TwilioVoiceGateway(TwilioApi api, IOptions<TwilioOptions> options) : IVoiceGateway
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(10);

    public Task<GatewayResult> CallAsync(OutgoingCall call, CancellationToken ct)
    {
        var o = options.Value;
        var create = new CreateCallOptions(new PhoneNumber(call.To), new PhoneNumber(o.VoiceCallerId))
        {
            Url = o.VoiceUrl(call.MessageId),
            StatusCallback = o.StatusCallbackUrl(),
            MachineDetection = "Enable",
        };
        return TwilioApi.CreateAsync(async () => (await CallResource.CreateAsync(create, api.Client)).Sid);
    }

    public async Task<string?> FindAsync(OutgoingCall call, DateTimeOffset sinceUtc, CancellationToken ct)
    {
        var from = (sinceUtc - Skew).UtcDateTime;
        var read = new ReadCallOptions { To = new PhoneNumber(call.To), PageSize = 50, Limit = 200 };
        var found = await CallResource.ReadAsync(read, api.Client);
        return found.FirstOrDefault(c => c.DateCreated is null || c.DateCreated.Value.ToUniversalTime() >= from)?.Sid;
    }
}
