using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Audit;

public class AuditLog(PmxDbContext db, IActorContext actor, TimeProvider clock)
{
    /// <summary>Adds an event to the current unit of work; it commits with the change it describes.</summary>
    public void Add(string action, string? entityType = null, string? entityId = null, string? detail = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredUtc = clock.GetUtcNow(),
            UserId = actor.UserId,
            UserName = actor.UserName,
            IpAddress = actor.IpAddress,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Detail = detail,
        });

    /// <summary>Records an event that has no other change to ride with, such as viewing a record.</summary>
    public async Task RecordAsync(string action, string? entityType = null, string? entityId = null,
        string? detail = null, CancellationToken ct = default)
    {
        Add(action, entityType, entityId, detail);
        await db.SaveChangesAsync(ct);
    }
}
