namespace PatientMessageExchange.Core.Replies;

/// <summary>What a text reply means (trimmed, any case). The opt-out words are the carriers' standard list (R5).</summary>
public static class ReplyKeywords
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "STOP", "UNSUBSCRIBE", "END", "QUIT", "STOPALL", "REVOKE", "OPTOUT", "CANCEL",
    };

    private static readonly HashSet<string> StartWords = new(StringComparer.OrdinalIgnoreCase) { "START", "UNSTOP", "SUBSCRIBE" };

    private static readonly HashSet<string> HelpWords = new(StringComparer.OrdinalIgnoreCase) { "HELP", "INFO" };

    private static readonly HashSet<string> ConfirmWords = new(StringComparer.OrdinalIgnoreCase) { "C", "Y", "YES", "CONFIRM", "1" };

    /// <summary>
    /// Plain "CANCEL" is not here: carriers and Twilio treat it as an opt-out (R5), so it stays STOP. "X" and the
    /// Spanish "CANCELAR" (and "cancel appointment" written out) cancel the appointment.
    /// </summary>
    private static readonly HashSet<string> CancelWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "X", "CANCELAR", "CANCEL APPOINTMENT", "CANCEL APPT", "CANCEL VISIT", "CANCELAR CITA", "CANCELAR LA CITA",
    };

    private static readonly HashSet<string> CallbackWords = new(StringComparer.OrdinalIgnoreCase) { "N", "NO", "2" };

    public static InboundKind Classify(string? body)
    {
        var word = (body ?? "").Trim().TrimEnd('.', '!');
        if (StopWords.Contains(word))
        {
            return InboundKind.Stop;
        }
        if (StartWords.Contains(word))
        {
            return InboundKind.Start;
        }
        if (HelpWords.Contains(word))
        {
            return InboundKind.Help;
        }
        if (ConfirmWords.Contains(word))
        {
            return InboundKind.Confirmation;
        }
        if (CancelWords.Contains(string.Join(' ', word.Split(' ', StringSplitOptions.RemoveEmptyEntries))))
        {
            return InboundKind.Cancellation;
        }
        return CallbackWords.Contains(word) ? InboundKind.CallbackRequest : InboundKind.Other;
    }

    /// <summary>STOP, START and HELP are carrier keywords: never charged.</summary>
    public static bool IsKeyword(InboundKind kind) => kind is InboundKind.Stop or InboundKind.Start or InboundKind.Help;
}
