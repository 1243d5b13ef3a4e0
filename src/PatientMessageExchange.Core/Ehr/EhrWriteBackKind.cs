namespace PatientMessageExchange.Core.Ehr;

public enum EhrWriteBackKind
{
    /// <summary>The patient confirmed: their participant.status becomes accepted.</summary>
    Confirmed = 1,

    /// <summary>The patient cancelled: participant.status declined and the appointment's status cancelled.</summary>
    Cancelled = 2,
}
