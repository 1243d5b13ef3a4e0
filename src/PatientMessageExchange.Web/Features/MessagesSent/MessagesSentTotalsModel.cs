using PatientMessageExchange.Core.Reports;

namespace PatientMessageExchange.Web.Features.MessagesSent;

/// <param name="Query">The screen's query, for the links that open a group; null on the print page.</param>
public sealed record MessagesSentTotalsModel(MessagesSentReport Report, MessagesSentQuery? Query);
