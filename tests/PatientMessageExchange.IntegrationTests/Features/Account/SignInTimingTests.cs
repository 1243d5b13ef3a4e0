using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Features.Account;

/// <summary>
/// An unknown user name must cost what a wrong password costs, or the response time tells which names exist. The
/// cost is the password hash, so the test counts hash checks rather than timing a shared machine.
/// </summary>
public sealed class SignInTimingTests : IDisposable
{
    private readonly CountingHasher _hasher = new();
    private readonly PmxAppFactory _app;

    public SignInTimingTests()
    {
        _app = new PmxAppFactory().WithServices(services =>
        {
            services.RemoveAll<IPasswordHasher<AppUser>>();
            services.AddSingleton<IPasswordHasher<AppUser>>(_hasher);
        });
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_unknown_user_name_checks_a_password_hash_like_a_wrong_password_does()
    {
        await _app.CompleteSetupAsync();
        await _app.CreateUserAsync("known-user", Roles.FrontDesk);
        var client = _app.CreateBrowserlessClient();

        var before = _hasher.Verifications;
        await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["UserName"] = "known-user", ["Password"] = "wrong password" });
        var forKnown = _hasher.Verifications - before;
        before = _hasher.Verifications;
        await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["UserName"] = "nobody-by-this-name", ["Password"] = "wrong password" });
        var forUnknown = _hasher.Verifications - before;

        Assert.Equal(1, forKnown);
        Assert.Equal(forKnown, forUnknown);
    }

    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
