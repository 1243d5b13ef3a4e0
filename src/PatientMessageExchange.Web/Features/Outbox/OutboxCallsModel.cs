using PatientMessageExchange.Core.Channels.Outbox;

namespace PatientMessageExchange.Web.Features.Outbox;

public sealed record OutboxCallsModel(IReadOnlyList<OutboxCall> Calls);
