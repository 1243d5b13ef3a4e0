using System.Text.RegularExpressions;

namespace PatientMessageExchange.Core.Bounces;

/// <summary>
/// The classification policy (R9, issue 16 item 6). Only a failure of the address itself suppresses at once:
/// 5.1.x, 5.2.1 (disabled mailbox) and a domain that does not exist are <see cref="BounceKind.Hard"/>. Mailbox full,
/// message too big, every 4.x.x and a permanent failure that names no cause are <see cref="BounceKind.Soft"/>.
/// Rejections of the sender (5.7.x, SPF/DKIM/DMARC, policy, reputation, blocklists, content) are
/// <see cref="BounceKind.Blocked"/> and leave the address alone. The enhanced status decides where it is specific;
/// where it is generic (x.0.0, 5.5.x) or missing, the diagnostic text and its SMTP reply do. Delayed, delivered,
/// relayed and expanded entries are not bounces at all.
/// </summary>
public static partial class BounceClassifier
{
    private static readonly HashSet<string> NotBounces = new(StringComparer.OrdinalIgnoreCase)
    {
        "delayed", "delivered", "relayed", "expanded",
    };

    /// <summary>The kind of bounce, or null when the recipient's entry is not a bounce.</summary>
    public static BounceKind? Classify(string? action, string? status, string? diagnosticCode)
    {
        var act = action?.Trim();
        if (act is not null && NotBounces.Contains(act))
        {
            return null;
        }
        // A generic Status (5.0.0) gives way to a specific code in the diagnostic ("550 5.7.1 ...").
        var enhanced = EnhancedStatus(status) is { } given && !IsGeneric(given) ? given
            : EnhancedStatusIn(diagnosticCode) is { } quoted && !IsGeneric(quoted) ? quoted
            : EnhancedStatus(status) ?? EnhancedStatusIn(diagnosticCode);
        if (enhanced is not null && enhanced[0] == '2')
        {
            // A success code on a failed entry contradicts itself; a person should look.
            return string.Equals(act, "failed", StringComparison.OrdinalIgnoreCase) ? BounceKind.Unclassified : null;
        }
        var reply = SmtpReplyCode(diagnosticCode) ?? ReplyCodeIn(diagnosticCode);
        var permanent = enhanced is not null ? enhanced[0] == '5' : reply is not null ? reply[0] == '5' : (bool?)null;
        if (permanent is null && !string.Equals(act, "failed", StringComparison.OrdinalIgnoreCase))
        {
            // Neither a code nor a failed action: only the text can say it is a failure at all.
            return ByText(diagnosticCode) ?? BounceKind.Unclassified;
        }
        if (permanent == false && string.Equals(act, "failed", StringComparison.OrdinalIgnoreCase)
            && NxDomain().IsMatch(diagnosticCode ?? ""))
        {
            // Given up after an authoritative "this domain does not exist": the address cannot work.
            return BounceKind.Hard;
        }
        if (permanent == false)
        {
            // A temporary failure never suppresses, whatever its cause; a sender-side one is still worth the warning.
            return ByText(diagnosticCode) == BounceKind.Blocked && IsSenderSideStatus(enhanced) ? BounceKind.Blocked : BounceKind.Soft;
        }
        if (enhanced is not null && BySubject(enhanced) is { } specific)
        {
            // Servers misuse codes: a blocklist quoted under 5.1.3, or "user unknown" under 5.7.1. Unambiguous words
            // win; a 5.7.x whose text only says "rejected" stays blocked.
            var text = ByText(diagnosticCode);
            return (specific, text) switch
            {
                (_, BounceKind.Blocked) when SenderSide(diagnosticCode) => BounceKind.Blocked,
                (BounceKind.Blocked, BounceKind.Hard) when enhanced.Split('.')[1] == "7" => BounceKind.Hard,
                _ => specific,
            };
        }
        return ByText(diagnosticCode) ?? (permanent == true ? BounceKind.Soft : BounceKind.Unclassified);
    }

    /// <summary>
    /// A status for an entry that has none: the enhanced code in the text, else one derived from the SMTP reply and
    /// what the text says (550 "user unknown" gives 5.1.1), else the reply's class (5.0.0 or 4.0.0).
    /// </summary>
    public static string? DeriveStatus(string? diagnostic)
    {
        if (EnhancedStatusIn(diagnostic) is { } enhanced)
        {
            return enhanced;
        }
        var reply = SmtpReplyCode(diagnostic) ?? ReplyCodeIn(diagnostic);
        var kind = ByText(diagnostic);
        var temporary = reply is not null && reply[0] == '4';
        var cls = temporary ? '4' : '5';
        if (reply is null && kind is null)
        {
            return null;
        }
        return kind switch
        {
            BounceKind.Hard when NoDomain().IsMatch(diagnostic!) => $"{cls}.1.2",
            BounceKind.Hard when Disabled().IsMatch(diagnostic!) => $"{cls}.2.1",
            BounceKind.Hard => $"{cls}.1.1",
            BounceKind.Soft when MailboxFull().IsMatch(diagnostic!) => $"{cls}.2.2",
            BounceKind.Soft when TooBig().IsMatch(diagnostic!) => $"{cls}.3.4",
            BounceKind.Soft when Network().IsMatch(diagnostic!) => "4.4.1",
            BounceKind.Blocked when Authentication().IsMatch(diagnostic!) => $"{cls}.7.26",
            BounceKind.Blocked => $"{cls}.7.1",
            _ => $"{cls}.0.0",
        };
    }

    /// <summary>Whether a text names a cause of failure the policy knows (an unknown user, a full mailbox, a blocklist...).</summary>
    public static bool Explains(string text) => ByText(text) is not null;

    /// <summary>The enhanced status code at the start of a Status field ("5.1.1 (bad mailbox)" gives "5.1.1").</summary>
    public static string? EnhancedStatus(string? status)
    {
        var match = Enhanced().Match(status ?? "");
        return match.Success ? match.Value : null;
    }

    /// <summary>The first enhanced status code anywhere in a text ("550-5.1.1 The account" or "(#5.5.0)").</summary>
    public static string? EnhancedStatusIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var match = EnhancedAnywhere().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The three-digit SMTP reply in a Diagnostic-Code ("smtp; 550 5.1.1 ..." gives "550").</summary>
    public static string? SmtpReplyCode(string? diagnosticCode)
    {
        if (string.IsNullOrWhiteSpace(diagnosticCode))
        {
            return null;
        }
        var semicolon = diagnosticCode.IndexOf(';');
        var text = semicolon >= 0 ? diagnosticCode[(semicolon + 1)..] : diagnosticCode;
        var match = Reply().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>An SMTP reply inside prose ("remote host said: 550 Unknown user").</summary>
    private static string? ReplyCodeIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var match = ReplyAnywhere().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>What a specific enhanced status says; null for the generic ones, which leave it to the text.</summary>
    private static BounceKind? BySubject(string enhanced)
    {
        var parts = enhanced.Split('.');
        var (subject, detail) = (parts[1], parts[2]);
        return subject switch
        {
            // 5.1.7 and 5.1.8 are the sender's address, not the recipient's.
            "1" when detail is "7" or "8" => BounceKind.Blocked,
            "1" when detail == "0" => null,
            "1" => BounceKind.Hard,
            "2" when detail == "1" => BounceKind.Hard,
            "2" when detail is "2" or "3" => BounceKind.Soft,
            "3" when detail == "4" => BounceKind.Soft,
            "4" when detail == "4" => BounceKind.Hard,
            "7" => BounceKind.Blocked,
            "6" => BounceKind.Blocked,
            _ => null,
        };
    }

    private static bool IsGeneric(string enhanced) => enhanced.EndsWith(".0.0", StringComparison.Ordinal);

    private static bool SenderSide(string? text) =>
        text is not null && (Authentication().IsMatch(text) || Reputation().IsMatch(text));

    private static bool IsSenderSideStatus(string? enhanced) => enhanced is null || enhanced.Split('.')[1] is "7" or "0";

    /// <summary>
    /// The cause the text gives. Sender-side words that are unambiguous come first (a DMARC rejection often also says
    /// "rejected"), then the address failures, then the passing ones, then the vaguer sender-side words.
    /// </summary>
    private static BounceKind? ByText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Authentication().IsMatch(text) || Reputation().IsMatch(text))
        {
            return BounceKind.Blocked;
        }
        if (MailboxFull().IsMatch(text) || TooBig().IsMatch(text))
        {
            return BounceKind.Soft;
        }
        if (AddressFailure().IsMatch(text) || (NoDomain().IsMatch(text) && !TryAgain().IsMatch(text)) || Disabled().IsMatch(text))
        {
            return BounceKind.Hard;
        }
        if (Network().IsMatch(text))
        {
            return BounceKind.Soft;
        }
        if (Policy().IsMatch(text))
        {
            return BounceKind.Blocked;
        }
        return null;
    }

    [GeneratedRegex(@"\bNXDOMAIN\b|no such domain|domain does not exist", RegexOptions.IgnoreCase)]
    private static partial Regex NxDomain();

    [GeneratedRegex(@"try again", RegexOptions.IgnoreCase)]
    private static partial Regex TryAgain();

    [GeneratedRegex(@"(?<=^\s*)[245]\.\d{1,3}\.\d{1,3}")]
    private static partial Regex Enhanced();

    [GeneratedRegex(@"(?<![\d.])([245]\.\d{1,3}\.\d{1,3})(?![\d.]*\d)")]
    private static partial Regex EnhancedAnywhere();

    [GeneratedRegex(@"^\s*([245]\d\d)(?:[\s-]|$)")]
    private static partial Regex Reply();

    [GeneratedRegex(@"(?<![\w.#-])([45][0-5]\d)(?:[ -]|$)(?!\s*(?:days?|hours?|minutes?|seconds?|bytes?)\b)", RegexOptions.Multiline)]
    private static partial Regex ReplyAnywhere();

    [GeneratedRegex(@"\b(spf|dkim|dmarc|authentication (level|requirements?|failed|required)|not authenticated|unauthenticated|smtp auth(entication)?|sender (domain|address) .{0,40}(not|doesn't|does not) (pass|meet|match)|ptr record|reverse dns|rdns)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Authentication();

    [GeneratedRegex(@"\b(black ?list(ed)?|block ?list(ed)?|spamhaus|spamcop|sorbs|barracuda(central)?|\brbl\b|dnsbl|reputation|spam|junk mail|bulk (e-?mail|mail)|(?<!not )listed (at|in|on)|virus|malware|phishing|dynamic ip|dial-?up|residential)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Reputation();

    [GeneratedRegex(@"(mailbox|mail ?box|mailfolder|inbox|account|disk|storage|user)('s)? ?(is )?(full|over ?quota|quota exceeded|exceeded)|over ?quota|quota|insufficient (disk )?(space|storage)|exceeded (the |his |her |their )?storage|not enough space|storage (allocation|limit)",
        RegexOptions.IgnoreCase)]
    private static partial Regex MailboxFull();

    [GeneratedRegex(@"too (large|big|long)|message (size|length) exceeds|exceeds? (the )?(maximum|size|message size)|size limit|message is larger|message too",
        RegexOptions.IgnoreCase)]
    private static partial Regex TooBig();

    [GeneratedRegex(@"(user|mailbox|recipient|address|account|alias|addressee|local part|e-?mail address)s? (is )?(unknown|not found|not known|not exists?|does not exist|doesn't exist|invalid|unavailable|not available)|unknown (user|mailbox|recipient|address|alias|local[- ]part|e-?mail)|no such (user|mailbox|recipient|address|account|local user|person)|(invalid|bad|illegal) (recipient|mailbox|address|user|destination)|does ?n[o']t (exist|have an? .{1,40}account)|not (a )?valid (mailbox|recipient|user|address)|no (mailbox|account) (here|by that name|for)|user (doesn't|does not) exist|not our customer|unrouteable address|undeliverable address|addressee unknown|no valid recipients?|no longer (available|active|in use|valid)|recipnotfound|not listed in|couldn't be found|could not be found|user not found|unknown or illegal|invalid (final )?(delivery )?user ?id|name is not recognized|not a known user|address not present",
        RegexOptions.IgnoreCase)]
    private static partial Regex AddressFailure();

    [GeneratedRegex(@"host (or domain name )?not found|host unknown|unknown host|no such domain|domain (not found|does not exist|doesn't exist|unknown|name not found)|name or service not known|nxdomain|no (mx|dns|valid mx)|unrouteable domain|unresolvable|domain .{0,40}not exist|bad destination (host|system)|host not found",
        RegexOptions.IgnoreCase)]
    private static partial Regex NoDomain();

    [GeneratedRegex(@"(account|mailbox|user|address) (has been |is |was )?(disabled|suspended|deactivated|inactive|closed|expired|locked|frozen|terminated|removed|deleted|cancell?ed)|(disabled|suspended|inactive|closed|expired) (account|mailbox|user)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Disabled();

    [GeneratedRegex(@"timed? ?out|time-?out|connection (refused|reset|lost|closed|timed)|temporar(y|ily)|try again|deferred|expired|retry|too many (connections|messages|recipients)|rate limit|throttl|service (is )?(not )?(currently )?unavailable|could not be delivered for|network|unreachable|no route|not reachable|dns (failure|error|lookup)|lookup fail|system (error|problem)|out of memory|local error|loops? (back|detected)|mail loop|too many hops|routing|could not find a gateway|requests? to connect",
        RegexOptions.IgnoreCase)]
    private static partial Regex Network();

    [GeneratedRegex(@"polic(y|ies)|blocked|not (authori[sz]ed|allowed|permitted)|access denied|denied|prohibited|refused|reject(ed)? (by|for|due|because)|relay(ing)? (access )?(denied|not permitted|prohibited)|not accept|filter|content|administrative|use the smtp server|sender (address )?(rejected|refused|denied|verify failed)|rejected",
        RegexOptions.IgnoreCase)]
    private static partial Regex Policy();
}
