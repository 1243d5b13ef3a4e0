using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Web.Features.ContactPreferences;

public static class ModeOrderText
{
    public static string Describe(IReadOnlyList<ContactMode> order) =>
        order.Count == 0 ? "no mode (not contacted)" : string.Join(", then ", order.Select(m => m.DisplayName()));
}
