using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Web.Features.ContactPreferences;

/// <summary>
/// One row of a need × mode matrix: each mode gets a position (1 is tried first) or none. Used for the practice
/// defaults and for a patient's own preference, where <see cref="UseDefault"/> says "no preference of our own".
/// </summary>
public sealed class ModeOrderForm
{
    public Need Need { get; set; }

    public bool UseDefault { get; set; }

    public int? Email { get; set; }
    public int? Text { get; set; }
    public int? Phone { get; set; }
    public int? WorkEmail { get; set; }
    public int? WorkPhone { get; set; }

    public static ModeOrderForm From(Need need, IReadOnlyList<ContactMode> order, bool useDefault = false)
    {
        var form = new ModeOrderForm { Need = need, UseDefault = useDefault };
        for (var i = 0; i < order.Count; i++)
        {
            form.SetPosition(order[i], i + 1);
        }
        return form;
    }

    public int? PositionOf(ContactMode mode) => mode switch
    {
        ContactMode.Email => Email,
        ContactMode.Text => Text,
        ContactMode.Phone => Phone,
        ContactMode.WorkEmail => WorkEmail,
        ContactMode.WorkPhone => WorkPhone,
        _ => null,
    };

    /// <summary>The modes in the order chosen, or a message saying what is wrong with the positions.</summary>
    public (IReadOnlyList<ContactMode> Order, string? Error) ToOrder()
    {
        var chosen = Enum.GetValues<ContactMode>()
            .Select(mode => (Mode: mode, Position: PositionOf(mode)))
            .Where(m => m.Position is not null)
            .ToList();
        var outOfRange = chosen.FirstOrDefault(m => m.Position is < 1 or > 5);
        if (outOfRange.Position is not null)
        {
            return ([], $"Positions go from 1 to 5; {outOfRange.Mode.DisplayName()} has {outOfRange.Position}.");
        }
        var clash = chosen.GroupBy(m => m.Position).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            return ([], $"{string.Join(" and ", clash.Select(m => m.Mode.DisplayName()))} are both number {clash.Key}; give each mode its own position.");
        }
        return (chosen.OrderBy(m => m.Position).Select(m => m.Mode).ToList(), null);
    }

    private void SetPosition(ContactMode mode, int position)
    {
        switch (mode)
        {
            case ContactMode.Email: Email = position; break;
            case ContactMode.Text: Text = position; break;
            case ContactMode.Phone: Phone = position; break;
            case ContactMode.WorkEmail: WorkEmail = position; break;
            case ContactMode.WorkPhone: WorkPhone = position; break;
        }
    }
}
