using Microsoft.AspNetCore.Identity;
using PatientMessageExchange.Core.Data;

namespace PatientMessageExchange.Web.Features.Setup;

/// <summary>Whether the first Administrator exists yet. Once true it stays true, so it is only asked until then.</summary>
public sealed class SetupState
{
    private volatile bool _complete;

    /// <summary>Serializes setup so that two first-run forms can't both create an Administrator.</summary>
    public SemaphoreSlim Lock { get; } = new(1, 1);

    public async Task<bool> IsCompleteAsync(IServiceProvider services)
    {
        if (_complete)
        {
            return true;
        }
        var users = services.GetRequiredService<UserManager<AppUser>>();
        _complete = (await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0;
        return _complete;
    }

    public void MarkComplete() => _complete = true;
}
