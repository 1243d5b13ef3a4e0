using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Dispatch;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Reports;

/// <summary>
/// Turns the provider's error text (SMTP replies, Twilio error codes, our own retry notes) into words the front desk
/// can act on. Unknown errors fall back to a sentence about the status; the raw text stays in the database.
/// </summary>
public static class MessageProblems
{
    // Checked in order; the first match wins. Codes are SMTP enhanced status codes (RFC 3463) and Twilio error codes.
    private static readonly (string[] Clues, string Plain)[] _known =
    [
        (["opted out", "unsubscribed", "21610"], "The family has opted out of these messages (replied STOP or unsubscribed)."),
        (["5.1.1", "user unknown", "no such user", "does not exist", "mailbox unavailable", "recipient rejected", "address rejected"],
            "The email address does not exist. Correct it in the patient's record."),
        (["5.1.2", "host unknown", "domain not found", "no mx"], "The email domain does not exist. Check the spelling after the @."),
        (["5.2.2", "mailbox full", "quota"], "The mailbox is full. Try another contact method."),
        (["5.7.1", "spam", "blocked", "30007"], "The receiving server or carrier blocked it as unwanted mail."),
        (["21211", "21614", "invalid 'to'", "not a valid phone", "invalid phone"], "Not a valid phone number. Correct it in the patient's record."),
        (["30006", "landline"], "That number is a landline and can't receive texts."),
        (["30005", "unknown destination", "unknown handset"], "That number is not in service."),
        (["30003", "unreachable", "switched off"], "The phone was unreachable or switched off."),
        (["no-answer", "no answer"], "No one answered the call."),
        (["busy"], "The line was busy."),
        (["credit ledger refused", "insufficient credit", "exceedsreservation"], "There were not enough credits to send it."),
        (["gave up after", "timed out", "timeout", "connection"], "The sending service could not be reached after several tries."),
    ];

    /// <summary>
    /// The problem in plain words, followed by what channel fallback did: the message that went by the next contact
    /// mode (<paramref name="fallback"/>), or why none did (the note <see cref="ChannelFallback"/> adds to the error).
    /// </summary>
    public static string? Explain(MessageStatus status, string? error, (ContactMode Mode, long MessageId)? fallback = null)
    {
        var problem = Plain(status, error);
        if (fallback is { } next)
        {
            return $"{problem} Fell back to {next.Mode.DisplayName()} (message #{next.MessageId}).".TrimStart();
        }
        var note = error?.IndexOf(ChannelFallback.NotePrefix, StringComparison.Ordinal) ?? -1;
        return note < 0 ? problem : $"{problem} {error![note..]}".TrimStart();
    }

    private static string? Plain(MessageStatus status, string? error)
    {
        if (!string.IsNullOrWhiteSpace(error))
        {
            foreach (var (clues, plain) in _known)
            {
                if (clues.Any(c => error.Contains(c, StringComparison.OrdinalIgnoreCase)))
                {
                    return plain;
                }
            }
        }
        return status switch
        {
            MessageStatus.Failed => "It could not be sent; its credits were returned.",
            MessageStatus.Cancelled => "Cancelled before it was sent; its credits were returned.",
            MessageStatus.Bounced => "The address rejected it. Check the contact details.",
            MessageStatus.Undelivered => "The carrier could not deliver it.",
            _ => string.IsNullOrWhiteSpace(error) ? null : "The provider reported a problem.",
        };
    }
}
