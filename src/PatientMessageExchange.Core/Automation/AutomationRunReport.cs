namespace PatientMessageExchange.Core.Automation;

/// <summary>What one scheduler run decided: messages created, appointments merged into a sibling's, skipped, left waiting.</summary>
public sealed record AutomationRunReport(int Messages, int Merged, int Skipped, int Waiting, int Credits, bool Paused)
{
    public static readonly AutomationRunReport Nothing = new(0, 0, 0, 0, 0, false);
}
