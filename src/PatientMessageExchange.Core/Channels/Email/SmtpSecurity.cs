namespace PatientMessageExchange.Core.Channels.Email;

public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it, plain otherwise.</summary>
    StartTlsWhenAvailable,

    /// <summary>STARTTLS, and refuse to send without it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No encryption: only for a mail catcher on a private network.</summary>
    None,
}
