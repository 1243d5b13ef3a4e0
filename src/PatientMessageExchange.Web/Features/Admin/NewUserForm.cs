using System.ComponentModel.DataAnnotations;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Web.Features.Admin;

public sealed class NewUserForm
{
    [Required, StringLength(64, MinimumLength = 3), RegularExpression(@"^[A-Za-z0-9._@-]+$",
         ErrorMessage = "Use letters, digits, dots, dashes, underscores or @."), Display(Name = "User name")]
    public string UserName { get; set; } = "";

    [Required, StringLength(100), Display(Name = "Full name")]
    public string DisplayName { get; set; } = "";

    [Required]
    public string Role { get; set; } = Roles.FrontDesk;

    [Required, StringLength(128, MinimumLength = 12, ErrorMessage = "Use at least 12 characters."), DataType(DataType.Password),
     Display(Name = "Initial password")]
    public string Password { get; set; } = "";
}
