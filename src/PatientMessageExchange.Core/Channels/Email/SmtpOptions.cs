using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Core.Channels.Email;

public class SmtpOptions
{
    public const string Section = "Email:Smtp";

    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTlsWhenAvailable;

    public string? UserName { get; set; }

    /// <summary>From an environment variable or user-secrets, never appsettings.json.</summary>
    public string? Password { get; set; }

    /// <summary>Connections kept open and reused; each carries one message at a time.</summary>
    [Range(1, 32)]
    public int PoolSize { get; set; } = 4;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;
}
