namespace PatientMessageExchange.Core.Templates;

/// <summary>Which merge fields a template may use: personalized messages know the patient; broadcasts do not.</summary>
public enum MergeScope
{
    Personalized,
    Broadcast,
}
