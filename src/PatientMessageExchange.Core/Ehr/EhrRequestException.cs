namespace PatientMessageExchange.Core.Ehr;

/// <summary>A request to the EHR that failed: the message says what and where, never with patient data.</summary>
public class EhrRequestException(string message, Exception? inner = null) : Exception(message, inner);
