using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Common;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Core.Credits;

/// <summary>The plans on offer. A plan that was ever bought is retired, never deleted.</summary>
public class CreditPlanCatalog(PmxDbContext db, AuditLog audit)
{
    public async Task<IReadOnlyList<CreditPlan>> ListAsync(bool includeRetired, CancellationToken ct = default) =>
        await db.CreditPlans.AsNoTracking()
            .Where(p => includeRetired || !p.IsRetired)
            .OrderBy(p => p.IsRetired).ThenBy(p => p.PriceCents).ThenBy(p => p.Id)
            .ToListAsync(ct);

    public Task<CreditPlan?> FindAsync(int id, CancellationToken ct = default) =>
        db.CreditPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>Adds a plan (id null) or changes one. Purchases keep their own copy of the terms they were bought on.</summary>
    public async Task<OperationResult> SaveAsync(int? id, string name, int credits, int bonusCredits, long priceCents,
        CancellationToken ct = default)
    {
        if (credits <= 0)
        {
            return OperationResult.Fail("A plan sells at least one credit.", "Credits");
        }
        if (bonusCredits < 0)
        {
            return OperationResult.Fail("The bonus can't be negative.", "BonusCredits");
        }
        if (priceCents <= 0)
        {
            return OperationResult.Fail("The price must be more than zero.", "Price");
        }
        CreditPlan? plan;
        if (id is null)
        {
            plan = new CreditPlan();
            db.CreditPlans.Add(plan);
        }
        else
        {
            plan = await db.CreditPlans.SingleOrDefaultAsync(p => p.Id == id, ct);
            if (plan is null)
            {
                return OperationResult.Fail("That plan does not exist.");
            }
        }
        var before = id is null ? "new" : Describe(plan);
        plan.Name = name.Trim();
        plan.Credits = credits;
        plan.BonusCredits = bonusCredits;
        plan.PriceCents = priceCents;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.PlanChanged, nameof(CreditPlan), plan.Id.ToString(CultureInfo.InvariantCulture),
            $"{before} -> {Describe(plan)}", ct);
        return OperationResult.Ok;
    }

    public async Task<OperationResult> SetRetiredAsync(int id, bool retired, CancellationToken ct = default)
    {
        var plan = await db.CreditPlans.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return OperationResult.Fail("That plan does not exist.");
        }
        plan.IsRetired = retired;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.PlanChanged, nameof(CreditPlan), id.ToString(CultureInfo.InvariantCulture),
            retired ? "retired" : "offered again", ct);
        return OperationResult.Ok;
    }

    /// <summary>Deletes a plan nobody bought; a plan with purchases is retired instead. Returns true when deleted.</summary>
    public async Task<bool> RemoveAsync(int id, CancellationToken ct = default)
    {
        var plan = await db.CreditPlans.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return false;
        }
        var key = id.ToString(CultureInfo.InvariantCulture);
        if (await db.CreditPurchases.AnyAsync(p => p.PlanId == id, ct))
        {
            plan.IsRetired = true;
            audit.Add(AuditActions.PlanChanged, nameof(CreditPlan), key, "retired (it has purchases, so it is kept)");
            await db.SaveChangesAsync(ct);
            return false;
        }
        db.CreditPlans.Remove(plan);
        audit.Add(AuditActions.PlanChanged, nameof(CreditPlan), key, $"deleted {Describe(plan)}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string Describe(CreditPlan plan) =>
        string.Create(CultureInfo.InvariantCulture, $"{plan.Name}: {plan.Credits}+{plan.BonusCredits} for {plan.PriceCents}c");
}
