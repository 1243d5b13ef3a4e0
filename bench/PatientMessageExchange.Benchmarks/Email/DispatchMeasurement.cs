namespace PatientMessageExchange.Benchmarks.Email;

/// <param name="Elapsed">From handing the batches over to the campaign being Completed.</param>
/// <param name="Creation">How long CampaignFactory took to store the campaign (not part of <paramref name="Elapsed"/>).</param>
/// <param name="Jobs">Hangfire jobs that ran a batch (0 when the dispatcher was called directly).</param>
/// <param name="Cpu">CPU time this process used while the batches ran (the sink is another process).</param>
public sealed record DispatchMeasurement(TimeSpan Elapsed, TimeSpan Creation, int Messages, int Sent, long Received,
    long ReceivedBytes, int Batches, int Jobs, TimeSpan Cpu)
{
    public double CpuMicrosecondsPerMessage => Cpu.TotalMicroseconds / Messages;

    public double MessagesPerSecond => Messages / Elapsed.TotalSeconds;

    public bool AllArrived => Sent == Messages && Received == Messages;
}
