using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Web.Features.CreditAdmin;

public sealed class PlanForm
{
    /// <summary>Null adds a new plan.</summary>
    public int? Id { get; set; }

    [Required, StringLength(100), Display(Name = "Name")]
    public string Name { get; set; } = "";

    [Range(1, 10_000_000, ErrorMessage = "A plan sells between 1 and 10,000,000 credits."), Display(Name = "Credits")]
    public int Credits { get; set; }

    [Range(0, 10_000_000, ErrorMessage = "The bonus is between 0 and 10,000,000 credits."), Display(Name = "Bonus credits")]
    public int BonusCredits { get; set; }

    /// <summary>Dollars and cents as typed; stored as integer cents.</summary>
    [Range(typeof(decimal), "0.01", "1000000", ErrorMessage = "Enter a price between $0.01 and $1,000,000."), Display(Name = "Price ($)")]
    public decimal Price { get; set; }

    public bool HasWholeCents => decimal.Round(Price, 2) == Price;

    public long PriceCents => (long)(Price * 100m);
}
