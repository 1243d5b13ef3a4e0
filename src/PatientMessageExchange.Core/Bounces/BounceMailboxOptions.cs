using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Core.Bounces;

/// <summary>The IMAP mailbox that receives bounces and complaints (the Return-Path of what we send).</summary>
public class BounceMailboxOptions
{
    public const string Section = "Bounces:Mailbox";

    public bool Enabled { get; set; }

    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 993;

    public MailboxSecurity Security { get; set; } = MailboxSecurity.SslOnConnect;

    public string UserName { get; set; } = "";

    /// <summary>From an environment variable or user-secrets, never appsettings.json.</summary>
    public string? Password { get; set; }

    [Required]
    public string Folder { get; set; } = "INBOX";

    [Required]
    public string ProcessedFolder { get; set; } = "Processed";

    [Required]
    public string UnclassifiedFolder { get; set; } = "Unclassified";

    /// <summary>At most this many reports are read in one run; the next run takes the rest.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How often the recurring job polls (a cron expression).</summary>
    [Required]
    public string Cron { get; set; } = "*/5 * * * *";

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;
}
