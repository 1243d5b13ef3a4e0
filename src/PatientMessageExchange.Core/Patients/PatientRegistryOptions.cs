using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Core.Patients;

public class PatientRegistryOptions
{
    public const string Section = "Patients";

    /// <summary>ISO 3166 region used to read phone numbers written without a country code.</summary>
    [Required, RegularExpression("^[A-Z]{2}$", ErrorMessage = "Patients:DefaultPhoneRegion must be a two-letter ISO 3166 region such as US.")]
    public string DefaultPhoneRegion { get; set; } = "US";
}
