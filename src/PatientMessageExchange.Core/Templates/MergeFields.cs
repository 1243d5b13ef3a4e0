namespace PatientMessageExchange.Core.Templates;

/// <summary>
/// The only values a template can reach. Templates see plain strings under these names, never application objects,
/// so no template can call into code.
/// </summary>
public static class MergeFields
{
    public static readonly IReadOnlyList<MergeField> All =
    [
        new("patient", "first_name", "Patient's first name"),
        new("patient", "preferred_name", "Patient's preferred name, or first name when none"),
        new("patient", "last_name", "Patient's last name"),
        new("patient", "name", "Preferred (or first) name and last name"),
        new("patient", "age", "Patient's age in years"),
        new("guardian", "name", "Primary guardian's full name"),
        new("guardian", "first_name", "Primary guardian's first name"),
        new("appointment", "date", "Appointment date, e.g. Tuesday, December 1"),
        new("appointment", "time", "Appointment time, e.g. 9:30 AM"),
        new("appointment", "provider", "Provider (spoken name on phone calls)"),
        new("appointment", "location", "Appointment location"),
        new("appointment", "type", "Appointment type, e.g. Well visit"),
        new("appointment", "summary",
            "Who is seen when, e.g. Ana has an appointment on Tuesday, December 1 at 9:30 AM with Dr. Lee; an automated message " +
            "for brothers and sisters names each child with their own time"),
        new("practice", "name", "Practice name"),
        new("practice", "phone", "Practice phone number"),
        new("practice", "address", "Practice postal address"),
        new("due", "item", "What is due, e.g. 4-year well visit or DTaP booster"),
        new("due", "date", "When it is due"),
    ];

    private static readonly HashSet<string> BroadcastRoots = ["practice"];

    /// <summary>Fields that say why a child is seen. A phone call may be heard by anyone who answers (R7).</summary>
    private static readonly HashSet<string> ClinicalPaths = ["appointment.type", "due.item"];

    public static bool IsClinical(string root, string name) => ClinicalPaths.Contains($"{root}.{name}");

    public static bool IsAllowed(string root, string? name, MergeScope scope)
    {
        if (scope == MergeScope.Broadcast && !BroadcastRoots.Contains(root))
        {
            return false;
        }
        return name is null ? All.Any(f => f.Root == root) : All.Any(f => f.Root == root && f.Name == name);
    }

    public static IEnumerable<MergeField> For(MergeScope scope) =>
        scope == MergeScope.Broadcast ? All.Where(f => BroadcastRoots.Contains(f.Root)) : All;

    /// <summary>The fields a part may use: a voice script never gets the clinical ones.</summary>
    public static IEnumerable<MergeField> For(MergeScope scope, TemplatePart part) =>
        For(scope).Where(f => part != TemplatePart.Voice || !IsClinical(f.Root, f.Name));
}
