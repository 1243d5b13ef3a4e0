namespace PatientMessageExchange.Core.Data;

public static class Roles
{
    public const string FrontDesk = "FrontDesk";
    public const string OfficeManager = "OfficeManager";
    public const string Administrator = "Administrator";

    public const string ManagersAndAdministrators = OfficeManager + "," + Administrator;

    public static readonly IReadOnlyList<string> All = [FrontDesk, OfficeManager, Administrator];

    public static string DisplayName(string role) => role switch
    {
        FrontDesk => "Front desk",
        OfficeManager => "Office manager",
        Administrator => "Administrator",
        _ => role,
    };
}
