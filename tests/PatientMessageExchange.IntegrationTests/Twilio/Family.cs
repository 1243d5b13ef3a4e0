namespace PatientMessageExchange.IntegrationTests.Twilio;

public sealed record Family(int PatientId, int TextPointId, int AppointmentId);
