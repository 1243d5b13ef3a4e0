using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>
/// Opaque unsubscribe tokens: the message id (8 bytes) followed by an HMAC-SHA256 (truncated to 16 bytes) over that id
/// and the message's normalized address, base64url-encoded (32 characters). The address is not in the token, so a URL in
/// a log reveals nothing; the HMAC binds the token to the one address its message went to, so it can't be guessed,
/// altered to another message, or used for another address without the key.
/// </summary>
public sealed class UnsubscribeTokens
{
    private const int IdBytes = 8;
    private const int MacBytes = 16;
    private readonly byte[] _key;
    private readonly string _purpose;

    /// <param name="purpose">Binds the token to one use: an unsubscribe token never works as an appointment-response token.</param>
    public UnsubscribeTokens(byte[] key, string purpose = "pmx-unsubscribe-v1")
    {
        _purpose = purpose;
        if (key.Length < 32)
        {
            throw new ArgumentException("The unsubscribe key must be at least 32 bytes.", nameof(key));
        }
        _key = key;
    }

    public string Create(long messageId, string address)
    {
        Span<byte> token = stackalloc byte[IdBytes + MacBytes];
        BinaryPrimitives.WriteInt64BigEndian(token, messageId);
        Mac(messageId, address).AsSpan(0, MacBytes).CopyTo(token[IdBytes..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The message a well-formed token names; null when it is not a token at all. Check it with <see cref="Matches"/>.</summary>
    public static long? MessageIdOf(string? token)
    {
        var bytes = Decode(token);
        return bytes is null ? null : BinaryPrimitives.ReadInt64BigEndian(bytes);
    }

    /// <summary>Whether the token was issued for this message going to this address.</summary>
    public bool Matches(string? token, long messageId, string address)
    {
        var bytes = Decode(token);
        if (bytes is null || BinaryPrimitives.ReadInt64BigEndian(bytes) != messageId)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(bytes.AsSpan(IdBytes), Mac(messageId, address).AsSpan(0, MacBytes));
    }

    private byte[] Mac(long messageId, string address) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{_purpose}\n{messageId}\n{address.Trim().ToLowerInvariant()}"));

    private static byte[]? Decode(string? token)
    {
        // Base64Url throws on characters outside its alphabet; anything from a URL is checked first.
        if (string.IsNullOrEmpty(token) || token.Length != 32 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }
        var bytes = new byte[IdBytes + MacBytes];
        return Base64Url.TryDecodeFromChars(token, bytes, out var written) && written == bytes.Length ? bytes : null;
    }
}
