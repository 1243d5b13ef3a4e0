using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Automation;

public sealed record AutomationChannelCount(ContactMode Mode, int Messages, int Credits);
