using PatientMessageExchange.Core.Replies;

namespace PatientMessageExchange.Web.Features.FollowUp;

public sealed record FollowUpIndexModel(IReadOnlyList<FollowUpItem> Items, bool ShowAll)
{
    public static string Describe(InboundKind kind) => kind switch
    {
        InboundKind.CallbackRequest => "Call-back requested",
        InboundKind.NoResponse => "No response to the call",
        _ => "Reply to read",
    };
}
