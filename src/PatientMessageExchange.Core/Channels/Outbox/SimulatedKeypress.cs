namespace PatientMessageExchange.Core.Channels.Outbox;

/// <summary>What the person on a simulated call does.</summary>
public enum SimulatedKeypress
{
    /// <summary>Pressed 1: confirm.</summary>
    One = 1,

    /// <summary>Pressed 2: cancel the appointment.</summary>
    Two = 2,

    /// <summary>Listened and pressed nothing.</summary>
    NoInput = 3,

    /// <summary>An answering machine took the call.</summary>
    Machine = 4,

    /// <summary>Pressed 3: please call me back.</summary>
    Three = 5,
}
