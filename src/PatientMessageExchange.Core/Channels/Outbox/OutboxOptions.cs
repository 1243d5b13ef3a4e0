namespace PatientMessageExchange.Core.Channels.Outbox;

/// <summary>Where the embedded default keeps what it "sent" instead of sending it.</summary>
public class OutboxOptions
{
    public string Folder { get; set; } = "";
}
