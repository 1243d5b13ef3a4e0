using PatientMessageExchange.Core.Credits;

namespace PatientMessageExchange.Web.Features.CreditAdmin;

public sealed record PlansModel(IReadOnlyList<CreditPlan> Plans, PlanForm Form);
