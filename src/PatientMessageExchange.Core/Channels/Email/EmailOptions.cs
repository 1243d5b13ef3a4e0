using System.ComponentModel.DataAnnotations;

namespace PatientMessageExchange.Core.Channels.Email;

public class EmailOptions
{
    public const string Section = "Email";

    /// <summary><c>Outbox</c> (the embedded default: files, nothing leaves the machine) or <c>Smtp</c>.</summary>
    public EmailProvider Provider { get; set; } = EmailProvider.Outbox;

    [Required(ErrorMessage = "Email:FromAddress is required."), EmailAddress]
    public string FromAddress { get; set; } = "messages@practice.example";

    /// <summary>The display name; the practice's name when empty.</summary>
    public string? FromName { get; set; }

    /// <summary>The right-hand side of Message-IDs; the from-address's domain when empty.</summary>
    public string? MessageIdDomain { get; set; }

    public string IdDomain => string.IsNullOrWhiteSpace(MessageIdDomain) ? FromAddress.Split('@').Last() : MessageIdDomain;
}
