using PatientMessageExchange.Core.Broadcasts;

namespace PatientMessageExchange.Web.Features.EmailBroadcast;

/// <summary>The live estimate: the list as it stands, or a problem reading the upload.</summary>
public sealed record BroadcastEstimateModel(BroadcastEstimate? Estimate, int RemovedShown, string? Problem);
