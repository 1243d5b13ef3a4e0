using System.ComponentModel.DataAnnotations;
using PatientMessageExchange.Core.Channels.Outbox;

namespace PatientMessageExchange.Web.Features.Outbox;

/// <summary>A reply typed on the Outbox page as if the patient had sent it from <see cref="Number"/>.</summary>
public sealed class SimulateReplyForm
{
    [Required]
    public string Number { get; set; } = "";

    [Required(ErrorMessage = "Type the reply the patient sends, for example C, STOP or HELP.")]
    [StringLength(OutboxConversations.MaxReplyLength, ErrorMessage = "A reply can be at most {1} characters.")]
    public string? Body { get; set; }
}
