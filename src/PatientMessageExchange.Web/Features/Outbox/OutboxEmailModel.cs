using MimeKit;

namespace PatientMessageExchange.Web.Features.Outbox;

public sealed record OutboxEmailModel(long MessageId, MimeMessage Message, bool CanSimulateBounce);
