using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Suppressions;

namespace PatientMessageExchange.Core.Broadcasts;

/// <summary>
/// RFC 8058 one-click unsubscribe: a valid token suppresses its message's address for email announcements (broadcasts
/// and the other marketing needs), never for care messages; anything else writes nothing.
/// The audit event names the campaign and message, never the address, and is what the broadcast page counts.
/// </summary>
public sealed class Unsubscriber(PmxDbContext db, UnsubscribeTokens tokens, AuditLog audit, TimeProvider clock,
    ILogger<Unsubscriber> logger)
{
    public const string Reason = "Unsubscribed from announcements (one-click link in a broadcast)";

    /// <summary>Whether the token is valid, without writing anything (the GET confirmation page).</summary>
    public async Task<bool> IsValidAsync(string? token, CancellationToken ct = default) => await FindAsync(token, ct) is not null;

    public async Task<UnsubscribeOutcome> UnsubscribeAsync(string? token, CancellationToken ct = default)
    {
        var message = await FindAsync(token, ct);
        if (message is null)
        {
            logger.LogWarning("Unsubscribe refused: the token is not valid");
            return UnsubscribeOutcome.InvalidToken;
        }
        // Any email suppression already keeps broadcasts away (an unsubscribe, or a bounce that blocks every need).
        if (await db.Suppressions.AnyAsync(s => s.Address == message.Address && s.Channel == SuppressionChannel.Email, ct))
        {
            return UnsubscribeOutcome.AlreadySuppressed;
        }
        db.Suppressions.Add(new Suppression
        {
            Address = message.Address, Channel = SuppressionChannel.Email, Reason = Reason, CreatedUtc = clock.GetUtcNow(),
            AnnouncementsOnly = true,
        });
        audit.Add(AuditActions.BroadcastUnsubscribed, nameof(Campaign),
            message.CampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Message {message.Id}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two clicks at once: the other request's suppression won the unique index.
            db.ChangeTracker.Clear();
            return UnsubscribeOutcome.AlreadySuppressed;
        }
        logger.LogInformation("Unsubscribed the recipient of message {MessageId} (campaign {CampaignId})", message.Id, message.CampaignId);
        return UnsubscribeOutcome.Unsubscribed;
    }

    private async Task<MessageRef?> FindAsync(string? token, CancellationToken ct)
    {
        if (UnsubscribeTokens.MessageIdOf(token) is not { } messageId)
        {
            return null;
        }
        var message = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.Channel == Channel.Email)
            .Select(m => new MessageRef(m.Id, m.CampaignId, m.Address))
            .FirstOrDefaultAsync(ct);
        return message is not null && tokens.Matches(token, message.Id, message.Address) ? message : null;
    }

    private sealed record MessageRef(long Id, long CampaignId, string Address);
}
