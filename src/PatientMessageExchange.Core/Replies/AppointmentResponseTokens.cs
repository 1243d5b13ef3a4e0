using PatientMessageExchange.Core.Broadcasts;

namespace PatientMessageExchange.Core.Replies;

/// <summary>
/// The signed token in a confirmation email's confirm/cancel link: the message id and an HMAC bound to the address the
/// message went to, under a purpose of its own (an unsubscribe token does not open it, nor the other way round).
/// </summary>
public sealed class AppointmentResponseTokens(byte[] key)
{
    private readonly UnsubscribeTokens _tokens = new(key, "pmx-appointment-response-v1");

    public string Create(long messageId, string address) => _tokens.Create(messageId, address);

    public static long? MessageIdOf(string? token) => UnsubscribeTokens.MessageIdOf(token);

    public bool Matches(string? token, long messageId, string address) => _tokens.Matches(token, messageId, address);
}
