using System.Text.RegularExpressions;

namespace PatientMessageExchange.Core.Patients;

/// <summary>How a phone call should say a name that the schedule abbreviates.</summary>
public static partial class SpokenNames
{
    public static string ForProvider(string name)
    {
        var spoken = DoctorTitle().Replace(name.Trim(), "Doctor ");
        spoken = CredentialSuffix().Replace(spoken, "");
        return spoken.Trim();
    }

    [GeneratedRegex(@"^Dr\.?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex DoctorTitle();

    [GeneratedRegex(@",?\s+(MD|DO|NP|PA-C|PA|FAAP|CPNP|RN)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialSuffix();
}
