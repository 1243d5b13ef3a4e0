namespace PatientMessageExchange.Core.Automation;

/// <summary>What an automated rule sends. A confirmation asks for a reply; a reminder only reminds.</summary>
public enum AutomationKind
{
    Confirmation = 1,
    Reminder = 2,
}
