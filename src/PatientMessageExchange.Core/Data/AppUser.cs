using Microsoft.AspNetCore.Identity;

namespace PatientMessageExchange.Core.Data;

public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedUtc { get; set; }
}
