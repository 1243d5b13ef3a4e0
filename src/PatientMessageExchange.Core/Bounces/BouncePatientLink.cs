namespace PatientMessageExchange.Core.Bounces;

/// <summary>A patient whose email contact point has the bounced address, for the link to correct it.</summary>
public sealed record BouncePatientLink(int PatientId, int ContactPointId, string ChartNumber, string PatientName);
