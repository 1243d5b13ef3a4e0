namespace PatientMessageExchange.Core.Replies;

public enum InboundKind
{
    Stop = 1,
    Start = 2,
    Help = 3,

    /// <summary>"C", "YES"… to a confirmation text, or 1 pressed on a confirmation call.</summary>
    Confirmation = 4,

    /// <summary>"N" or "2" by text, or 3 pressed on a confirmation call: the family wants a call from the office.</summary>
    CallbackRequest = 5,

    /// <summary>A confirmation call that got no keypress.</summary>
    NoResponse = 6,

    /// <summary>A call that reached an answering machine (the message was left as a voicemail).</summary>
    MachineAnswered = 7,

    /// <summary>Anything else, or a reply we could not match: it goes to the staff follow-up list.</summary>
    Other = 8,

    /// <summary>"X", "CANCELAR", "CANCEL APPOINTMENT"… to a confirmation text, or 2 pressed on a confirmation call: the family cancels the appointment.</summary>
    Cancellation = 9,
}
