namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>The list as it stands, what it would cost (1 credit per address) and what is available.</summary>
public sealed record BroadcastEstimate(BroadcastList List, int Credits, int Available)
{
    public bool Affordable => Credits <= Available;
}
