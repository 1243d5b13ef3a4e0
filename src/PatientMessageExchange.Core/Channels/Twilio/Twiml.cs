using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace PatientMessageExchange.Core.Channels.Twilio;

/// <summary>
/// The TwiML our webhooks answer with. The spoken words are only the stored voice script (whose template can't hold
/// clinical fields: R7) and our fixed prompts.
/// </summary>
public static class Twiml
{
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
                ? "Oprima 1 para confirmar, o 2 para que le llamemos."
                : "Press 1 to confirm, or 2 to ask us to call you back.", language: lang);
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

    public static string Answer(string? language, bool confirmed, bool callback)
    {
        var spanish = IsSpanish(language);
        var text = (confirmed, callback, spanish) switch
        {
            (true, _, false) => "Thank you. Your appointment is confirmed. Goodbye.",
            (true, _, true) => "Gracias. Su cita está confirmada. Adiós.",
            (_, true, false) => "Thank you. We will call you back. Goodbye.",
            (_, true, true) => "Gracias. Le llamaremos. Adiós.",
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
