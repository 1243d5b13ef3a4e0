using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Web.Features.Setup;

public sealed class SetupForm
{
    [Required, StringLength(200), Display(Name = "Practice name")]
    public string PracticeName { get; set; } = "";

    [Required, StringLength(32), Display(Name = "Practice phone")]
    public string PracticePhone { get; set; } = "";

    [Required, StringLength(400), Display(Name = "Practice postal address")]
    public string PracticeAddress { get; set; } = "";

    [Required, Display(Name = "Time zone")]
    public string TimeZoneId { get; set; } = "America/New_York";

    [Required, StringLength(100), Display(Name = "Your name")]
    public string DisplayName { get; set; } = "";

    [Required, StringLength(64, MinimumLength = 3), RegularExpression(@"^[A-Za-z0-9._@-]+$",
         ErrorMessage = "Use letters, digits, dots, dashes, underscores or @."), Display(Name = "User name")]
    public string UserName { get; set; } = "";

    [Required, StringLength(128, MinimumLength = 12, ErrorMessage = "Use at least 12 characters."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Required, Compare(nameof(Password), ErrorMessage = "The passwords do not match."), DataType(DataType.Password),
     Display(Name = "Confirm password")]
    public string ConfirmPassword { get; set; } = "";

    [Display(Name = "Fill the practice with demo patients and a week of appointments")]
    public bool SeedDemoData { get; set; }
}
