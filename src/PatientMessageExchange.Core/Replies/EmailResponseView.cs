namespace PatientMessageExchange.Core.Replies;

/// <summary>
/// What the no-sign-in response page may show: the child's first name (or the children's, for a message that named
/// brothers and sisters), the appointment's time, and where it stands. Nothing else about the patient.
/// </summary>
public sealed record EmailResponseView(string FirstNames, DateTimeOffset StartUtc, bool IsPast, bool IsConfirmed, bool IsCancelled);
