using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Reports;

namespace PatientMessageExchange.Web.Features.MessagesSent;

/// <summary>The tab: the period's groups and totals, the filter choices, and the open group's page of messages.</summary>
public sealed record MessagesSentModel(
    MessagesSentQuery Query,
    MessagesSentReport? Report,
    MessagesSentChoices Choices,
    MessagesSentDetailModel? Detail);
