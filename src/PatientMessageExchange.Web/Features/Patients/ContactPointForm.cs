using System.ComponentModel.DataAnnotations;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Web.Features.Patients;

public sealed class ContactPointForm
{
    public int? ContactPointId { get; set; }

    public ContactMode Mode { get; set; } = ContactMode.Email;

    [Display(Name = "Belongs to")]
    public int? GuardianId { get; set; }

    [Required(ErrorMessage = "Enter the address or number."), StringLength(254)]
    public string Value { get; set; } = "";

    public ContactPointStatus Status { get; set; } = ContactPointStatus.Valid;

    [StringLength(300)]
    public string? StatusReason { get; set; }
}
