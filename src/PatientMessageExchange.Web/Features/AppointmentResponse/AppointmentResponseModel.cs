using PatientMessageExchange.Core.Replies;

namespace PatientMessageExchange.Web.Features.AppointmentResponse;

public sealed record AppointmentResponseModel(string Token, EmailResponseView View, EmailResponseOutcome? Outcome);
