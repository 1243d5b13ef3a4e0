namespace PatientMessageExchange.Core.FixRecords;

/// <summary>Why a contact point is on the fix-records list. Later work (landline-for-text, failed calls) adds more.</summary>
public enum FixReason
{
    Bounced = 1,
    Invalid = 2,
    OptedOut = 3,

    /// <summary>The point is valid on the chart, but its address is on the suppression list.</summary>
    Suppressed = 4,

    /// <summary>A text number that is a landline (Twilio 30006): suggest calling it instead.</summary>
    LandlineForText = 5,

    /// <summary>
    /// A message to this point failed for good and deciding its channel fallback kept throwing until the cap: no other
    /// mode was tried, so a person should reach the family.
    /// </summary>
    FallbackFailed = 6,
}
