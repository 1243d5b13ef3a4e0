using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Web.Features.Account;

public sealed class LoginForm
{
    [Required, Display(Name = "User name")]
    public string UserName { get; set; } = "";

    [Required, DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}
