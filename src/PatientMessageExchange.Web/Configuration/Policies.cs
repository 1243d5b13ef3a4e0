using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Web.Configuration;

public static class Policies
{
    /// <summary>Buying credits and changing practice-wide settings.</summary>
    public const string Managers = "Managers";

    /// <summary>Users, integrations and the job dashboard.</summary>
    public const string Administrators = "Administrators";

    public const string SignInRateLimit = "sign-in";

    public static readonly string[] ManagerRoles = [Roles.OfficeManager, Roles.Administrator];
}
