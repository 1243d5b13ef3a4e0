using PatientMessageExchange.Core.Channels.Outbox;

namespace PatientMessageExchange.Web.Features.Outbox;

/// <param name="Failed">A reply form that did not validate: shown again, with its error, under its number.</param>
public sealed record OutboxTextsModel(IReadOnlyList<OutboxConversation> Conversations, SimulateReplyForm? Failed = null, string? FailedError = null)
{
    public static string Anchor(string number) => "texts-" + new string(number.Where(char.IsAsciiLetterOrDigit).ToArray());
}
