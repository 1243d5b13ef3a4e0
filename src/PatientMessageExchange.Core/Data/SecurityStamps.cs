using Microsoft.EntityFrameworkCore;

namespace PatientMessageExchange.Core.Data;

/// <summary>
/// Reads a user's current security stamp with one compiled primary-key query, so that every signed-in request can
/// compare its cookie's stamp with the database without building Identity's managers.
/// </summary>
public static class SecurityStamps
{
    private static readonly CompiledPerModel<Func<PmxDbContext, string, Task<string?>>> Current =
        new(() => EF.CompileAsyncQuery((PmxDbContext db, string userId) =>
            db.Users.AsNoTracking().Where(u => u.Id == userId && !u.IsDisabled).Select(u => u.SecurityStamp).FirstOrDefault()));

    /// <summary>The stamp of an enabled user; null when the user is gone or disabled.</summary>
    public static Task<string?> ReadAsync(PmxDbContext db, string userId) => Current.For(db)(db, userId);
}
