namespace PatientMessageExchange.Core.Automation;

/// <summary>A rule as the administration form submits it; <see cref="AutomationRules.SaveAsync"/> checks it.</summary>
public sealed record AutomationRuleDraft(
    int? Id,
    string Name,
    AutomationKind Kind,
    AutomationTiming Timing,
    int DaysBefore,
    int SendAtMinutes,
    int HoursBefore,
    string? AppointmentTypes,
    IReadOnlyList<int> ProviderIds,
    string? Locations,
    int TemplateId,
    bool IsEnabled);
