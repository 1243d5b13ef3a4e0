namespace PatientMessageExchange.Core.Bounces;

public enum MailboxSecurity
{
    /// <summary>TLS from the first byte (IMAPS, port 993).</summary>
    SslOnConnect,

    /// <summary>STARTTLS, and refuse to log in without it.</summary>
    StartTls,

    /// <summary>STARTTLS when the server offers it, plain otherwise.</summary>
    StartTlsWhenAvailable,

    /// <summary>No encryption: only for a local test server.</summary>
    None,
}
