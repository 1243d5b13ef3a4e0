namespace PatientMessageExchange.Core.Suppressions;

/// <summary>The channel a suppression blocks; an address can be suppressed for texts and still take calls.</summary>
public enum SuppressionChannel
{
    Email = 1,
    Sms = 2,
    Voice = 3,
}
