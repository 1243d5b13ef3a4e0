using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Campaigns;

/// <summary>How many messages go by one contact mode, and what they cost.</summary>
public sealed record ModeEstimate(ContactMode Mode, int Messages, int Segments, int Credits);
