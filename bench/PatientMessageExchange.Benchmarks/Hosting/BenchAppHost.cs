using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Web.Configuration;

namespace PatientMessageExchange.Benchmarks.Hosting;

/// <summary>
/// The real app (its Program, configuration and services) on a SQLite file in a folder of its own, in the
/// Production environment, with the real clock. Logging is lowered to warnings so the benchmark's table stays
/// readable; that also takes per-request and per-batch log lines out of what is measured.
/// </summary>
/// <remarks>
/// The type argument is any public type of the web assembly: the benchmark project has a top-level Program of its
/// own, so the web app's <c>Program</c> is not reachable by name here.
/// </remarks>
public sealed class BenchAppHost : WebApplicationFactory<DataFolder>
{
    public const string Password = "bench password 2026";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public BenchAppHost(string folder, IDictionary<string, string?> settings, Action<IServiceCollection>? services = null,
        bool kestrel = false)
    {
        DataFolder = folder;
        Directory.CreateDirectory(folder);
        _settings = new Dictionary<string, string?>(settings);
        _services = services;
        if (kestrel)
        {
            // A fixed port may be taken on a shared machine; the OS picks a free one.
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    public string DataFolder { get; }

    public string DatabasePath => Path.Combine(DataFolder, "pmx.db");

    public string ConnectionString => $"Data Source={DatabasePath}";

    /// <summary>The Kestrel address, when hosted with <c>kestrel: true</c>.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
                ?? throw new InvalidOperationException("The server did not report its address.");
            return new Uri(addresses.Addresses.First());
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // The factory looks for its manifest in the current directory; the benchmarks may be started from anywhere.
        builder.UseContentRoot(WebContentRoot());
        return base.CreateHost(builder);
    }

    private static string WebContentRoot()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        var key = typeof(DataFolder).Assembly.FullName!;
        if (File.Exists(manifest) &&
            JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest)) is { } roots &&
            roots.TryGetValue(key, out var root) && Directory.Exists(root))
        {
            return root;
        }
        return AppContext.BaseDirectory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(config =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Storage:DataFolder"] = DataFolder,
                ["Serilog:MinimumLevel:Default"] = "Warning",
                ["Serilog:MinimumLevel:Override:Hangfire"] = "Warning",
            };
            foreach (var (key, value) in _settings)
            {
                settings[key] = value;
            }
            config.AddInMemoryCollection(settings);
        });
        foreach (var (key, value) in _settings)
        {
            // Host settings reach the app's builder.Configuration before Build(), where Program reads Hosting:Role
            // and Jobs:WorkerCount; the in-memory collection above arrives only after.
            builder.UseSetting(key, value);
        }
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    /// <summary>The practice, a first administrator and the given credits, as a new practice would have them.</summary>
    public async Task SetUpPracticeAsync(int credits, string userName = "admin")
    {
        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = "Bench Admin", CreatedUtc = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, Roles.Administrator);
        await services.GetRequiredService<PracticeDirectory>()
            .SaveAsync("Maple Street Pediatrics", "+16175550100", "12 Maple Street, Springfield, MA 01101", "America/New_York");
        if (credits > 0)
        {
            await services.GetRequiredService<CreditLedger>().Adjust(credits, "benchmark funding", $"bench:funding:{Guid.NewGuid():N}");
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A log file may still be closing; the runner deletes the parent folder at the end.
            }
        }
    }
}
