using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Tests.Shared;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on a database of its own, with a fake clock: a SQLite file in a data folder of its own, or on a
/// PostgreSQL run (<see cref="TestEngine"/>) a PostgreSQL database created for it. Each test class gets one
/// (IClassFixture), so classes never share a database.
/// </summary>
public class PmxAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";

    private readonly Dictionary<string, string?> _settings = new();
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly string? _postgres;

    public PmxAppFactory() : this(null)
    {
    }

    /// <param name="clockStart">Where the fake clock starts; it can only move forward afterwards.</param>
    protected PmxAppFactory(DateTimeOffset? clockStart)
    {
        Clock = new FakeTimeProvider(clockStart ?? DateTimeOffset.UtcNow);
        DataFolder = Path.Combine(Path.GetTempPath(), "pmx-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        if (TestEngine.IsPostgreSql)
        {
            _postgres = TestEngine.CreatePostgresDatabase();
        }
    }

    /// <summary>
    /// The settings that put another process of the app (a worker) on this app's database: the data folder always,
    /// and on a PostgreSQL run the provider and connection string.
    /// </summary>
    public IReadOnlyDictionary<string, string> DatabaseSettings => _postgres is null
        ? new Dictionary<string, string> { ["Storage:DataFolder"] = DataFolder }
        : new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = DataFolder,
            ["Database:Provider"] = nameof(DatabaseProvider.PostgreSql),
            ["Database:ConnectionString"] = _postgres,
        };

    public string DataFolder { get; }

    public string DatabasePath => Path.Combine(DataFolder, "pmx.db");

    public FakeTimeProvider Clock { get; }

    /// <summary>Overrides a configuration value; call before the first client or service is created.</summary>
    public PmxAppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Replaces or adds services; call before the first client or service is created.</summary>
    public PmxAppFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Security:Session:SignInAttemptsPerMinute"] = "10000",
                ["Jobs:WorkerCount"] = "1",
            };
            foreach (var (key, value) in DatabaseSettings)
            {
                settings[key] = value;
            }
            foreach (var (key, value) in _settings)
            {
                settings[key] = value;
            }
            config.AddInMemoryCollection(settings);
        });
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    /// <summary>Creates the practice and a first Administrator directly, as the setup page would.</summary>
    public async Task CompleteSetupAsync(string adminUserName = "admin")
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }
        await CreateUserAsync(adminUserName, Roles.Administrator);
        await scope.ServiceProvider.GetRequiredService<PracticeDirectory>()
            .SaveAsync("Test Pediatrics", "+16175550100", "1 Test Street, Springfield, MA 01101", "America/New_York");
    }

    public async Task<AppUser> CreateUserAsync(string userName, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = userName, CreatedUtc = Clock.GetUtcNow() };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", added.Errors.Select(e => e.Description)));
        }
        return user;
    }

    /// <summary>A client that does not follow redirects, so tests can see where the app sends them.</summary>
    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real login form and returns the client holding the session cookie.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = Password, HttpClient? client = null)
    {
        client ??= CreateBrowserlessClient();
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed with {(int)response.StatusCode}.");
        }
        return client;
    }

    /// <summary>A signed-in client for a fresh user of the role; creates the setup first.</summary>
    public async Task<HttpClient> SignInAsRoleAsync(string role)
    {
        await CompleteSetupAsync();
        var userName = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        await CreateUserAsync(userName, role);
        return await SignInAsync(userName);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _postgres is not null)
        {
            TestEngine.DropPostgresDatabase(_postgres);
        }
        // PMX_KEEP_TEST_DATA=1 keeps each app's data folder (database and logs) for a post-mortem.
        if (disposing && Environment.GetEnvironmentVariable("PMX_KEEP_TEST_DATA") != "1")
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A log file may still be closing; the temp folder is cleaned by the OS eventually.
            }
        }
    }
}
