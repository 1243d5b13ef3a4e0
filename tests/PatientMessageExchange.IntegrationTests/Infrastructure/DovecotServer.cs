using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using MailKit.Net.Imap;
using MailKit.Security;
using PatientMessageExchange.Core.Bounces;

namespace PatientMessageExchange.IntegrationTests.Infrastructure;

/// <summary>
/// A real IMAP server for tests: Debian's dovecot, started with a configuration of its own in a temp folder and
/// listening on 127.0.0.1 and a free port. It has its own base, state and log paths so that it never meets a system
/// dovecot, no TLS, and a passwd-file with a handful of mailboxes so that each test can have an empty one.
/// </summary>
public sealed class DovecotServer : IAsyncLifetime
{
    public const string Password = "bounce-mailbox-secret";
    private const string Executable = "/usr/sbin/dovecot";
    private const int Mailboxes = 16;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pmx-dovecot-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? _process;
    private int _nextMailbox;

    public int Port { get; private set; }

    /// <summary>How long dovecot took to accept its first connection.</summary>
    public TimeSpan StartupTime { get; private set; }

    public string LogPath => Path.Combine(_folder, "dovecot.log");

    public async Task InitializeAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The IMAP tests run Debian's dovecot, on Linux.");
        }
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException(
                $"{Executable} is missing; eng/test.sh installs it (apt-get install dovecot-imapd).");
        }
        Directory.CreateDirectory(_folder);
        var mail = Directory.CreateDirectory(Path.Combine(_folder, "mail"));
        Directory.CreateDirectory(Path.Combine(_folder, "run"));
        Directory.CreateDirectory(Path.Combine(_folder, "state"));
        // Run as root, dovecot refuses root for logins and mail, so mail is kept by nobody: let it in.
        File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(mail.FullName, (UnixFileMode)0b111_111_111);
        var users = new StringBuilder();
        for (var i = 0; i < Mailboxes; i++)
        {
            users.Append($"{MailboxName(i)}:{{PLAIN}}{Password}::::::\n");
        }
        await File.WriteAllTextAsync(Path.Combine(_folder, "passwd"), users.ToString());

        var started = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            await File.WriteAllTextAsync(Path.Combine(_folder, "dovecot.conf"), Configuration(Port));
            _process = Process.Start(new ProcessStartInfo(Executable, ["-F", "-c", Path.Combine(_folder, "dovecot.conf")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            if (await WaitUntilReadyAsync(_process, TimeSpan.FromSeconds(20)))
            {
                StartupTime = started.Elapsed;
                return;
            }
            // Most often another process took the port between our probe and dovecot's bind: try another.
            await StopAsync();
            if (attempt == 5)
            {
                var log = File.Exists(LogPath) ? await File.ReadAllTextAsync(LogPath) : "(no log)";
                throw new InvalidOperationException($"dovecot did not start after {attempt} attempts:\n{log}");
            }
        }
    }

    /// <summary>A mailbox no other test has used, as the poller's options see it.</summary>
    public BounceMailboxOptions NextMailbox() => OptionsFor(MailboxName(Interlocked.Increment(ref _nextMailbox)));

    /// <summary>The first mailbox, reserved for the app's own configuration.</summary>
    public BounceMailboxOptions DefaultMailbox => OptionsFor(MailboxName(0));

    public BounceMailboxOptions OptionsFor(string user) => new()
    {
        Enabled = true,
        Host = "127.0.0.1",
        Port = Port,
        Security = MailboxSecurity.None,
        UserName = user,
        Password = Password,
    };

    public async Task<ImapClient> ConnectAsync(BounceMailboxOptions mailbox)
    {
        var client = new ImapClient();
        await client.ConnectAsync(mailbox.Host, mailbox.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(mailbox.UserName, mailbox.Password ?? "");
        return client;
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder eventually.
        }
    }

    private static string MailboxName(int i) => $"bounces{i}";

    private async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
        File.Delete(Path.Combine(_folder, "run", "master.pid"));
    }

    private async Task<bool> WaitUntilReadyAsync(Process process, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (process.HasExited)
            {
                return false;
            }
            if (await GreetsAsync())
            {
                return true;
            }
            await Task.Delay(25);
        }
        return false;
    }

    private async Task<bool> GreetsAsync()
    {
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, Port);
            var buffer = new byte[64];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var read = await tcp.GetStream().ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("* OK", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private string Configuration(int port)
    {
        // Dovecot 2.3 (Debian 12). As root, logins must run as an unprivileged user and mail can't belong to uid 0;
        // as anyone else, every process simply runs as that user.
        var root = GetEuid() == 0;
        var user = root ? "root" : Environment.UserName;
        var loginUser = root ? "nobody" : Environment.UserName;
        var mailUid = root ? 65534 : GetEuid();
        var mailGid = root ? 65534 : GetEgid();
        return $$"""
            base_dir = {{_folder}}/run
            state_dir = {{_folder}}/state
            log_path = {{LogPath}}
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            default_internal_user = {{user}}
            {{(root ? "default_internal_group = root" : "")}}
            default_login_user = {{loginUser}}
            mail_location = maildir:{{_folder}}/mail/%u
            passdb {
              driver = passwd-file
              args = scheme=PLAIN {{_folder}}/passwd
            }
            userdb {
              driver = static
              args = uid={{mailUid}} gid={{mailGid}} home={{_folder}}/mail/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
            }

            """;
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEuidNative();

    [DllImport("libc", EntryPoint = "getegid")]
    private static extern uint GetEgidNative();

    private static int GetEuid() => (int)GetEuidNative();

    private static int GetEgid() => (int)GetEgidNative();
}
