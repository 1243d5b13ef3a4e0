using PatientMessageExchange.Core.Bounces;
using PatientMessageExchange.Core.Common;

namespace PatientMessageExchange.Web.Features.Bounces;

public sealed record BouncesModel(BounceKind? Kind, PagedList<BounceListItem> Bounces, BlockedWarning? Blocked);
