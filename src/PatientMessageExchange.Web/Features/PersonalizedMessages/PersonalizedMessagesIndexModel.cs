using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Common;

namespace PatientMessageExchange.Web.Features.PersonalizedMessages;

public sealed record PersonalizedMessagesIndexModel(PagedList<Campaign> Campaigns, TimeZoneInfo Zone);
