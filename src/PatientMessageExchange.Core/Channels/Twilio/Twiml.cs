using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace PatientMessageExchange.Core.Channels.Twilio;

/// <summary>
/// The TwiML our webhooks answer with. The spoken words are only the stored voice script (whose template can't hold
/// clinical fields: R7) and our fixed prompts.
/// </summary>
public static class Twiml
{
    /// <summary>What each key does on a confirmation call (<see cref="Replies.CallReplyHandler"/>).</summary>
    public const string EnglishMenu = "Press 1 to confirm, 2 to cancel the appointment, or 3 to ask us to call you back.";

    public const string SpanishMenu = "Oprima 1 para confirmar, 2 para cancelar la cita, o 3 para que le llamemos.";

    public static string Call(string script, string? language, bool askToConfirm, Uri gatherAction)
    {
        var spanish = IsSpanish(language);
        var lang = spanish ? Say.LanguageEnum.EsUs : Say.LanguageEnum.EnUs;
        var response = new VoiceResponse();
        response.Say(script, language: lang);
        if (askToConfirm)
        {
            var gather = new Gather(numDigits: 1, action: gatherAction, method: global::Twilio.Http.HttpMethod.Post, timeout: 6,
                actionOnEmptyResult: true);
            gather.Say(spanish
                ? SpanishMenu
                : EnglishMenu, language: lang);
            response.Append(gather);
        }
        else
        {
            response.Hangup();
        }
        return response.ToString();
    }

    /// <summary>For an answering machine: the script as a voicemail, no prompt.</summary>
    public static string Voicemail(string script, string? language)
    {
        var response = new VoiceResponse();
        response.Say(script, language: IsSpanish(language) ? Say.LanguageEnum.EsUs : Say.LanguageEnum.EnUs);
        response.Hangup();
        return response.ToString();
    }

    /// <summary>What the call says after a keypress, then hangs up.</summary>
    public static string Answer(string? language, Replies.ReplyOutcome outcome)
    {
        var spanish = IsSpanish(language);
        var text = (outcome.Kind, outcome.Passed, spanish) switch
        {
            (Replies.InboundKind.Confirmation or Replies.InboundKind.Cancellation, true, false) =>
                "Thank you. That appointment has already passed, so nothing was changed. Goodbye.",
            (Replies.InboundKind.Confirmation or Replies.InboundKind.Cancellation, true, true) =>
                "Gracias. Esa cita ya pasó, así que no se cambió nada. Adiós.",
            (Replies.InboundKind.Confirmation, _, false) => "Thank you. Your appointment is confirmed. Goodbye.",
            (Replies.InboundKind.Confirmation, _, true) => "Gracias. Su cita está confirmada. Adiós.",
            (Replies.InboundKind.Cancellation, _, false) => "Your appointment is cancelled. Please call us to book a new time. Goodbye.",
            (Replies.InboundKind.Cancellation, _, true) => "Su cita está cancelada. Llámenos para hacer una nueva cita. Adiós.",
            (Replies.InboundKind.CallbackRequest, _, false) => "Thank you. We will call you back. Goodbye.",
            (Replies.InboundKind.CallbackRequest, _, true) => "Gracias. Le llamaremos. Adiós.",
            (_, _, false) => "Thank you. Goodbye.",
            _ => "Gracias. Adiós.",
        };
        var response = new VoiceResponse();
        response.Say(text, language: spanish ? Say.LanguageEnum.EsUs : Say.LanguageEnum.EnUs);
        response.Hangup();
        return response.ToString();
    }

    public static string Message(string? text)
    {
        var response = new MessagingResponse();
        if (!string.IsNullOrEmpty(text))
        {
            response.Message(text);
        }
        return response.ToString();
    }

    private static bool IsSpanish(string? language) => language?.StartsWith("es", StringComparison.OrdinalIgnoreCase) == true;
}
