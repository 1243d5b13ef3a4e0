using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Data;
using PatientMessageExchange.Core.Dispatch;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.IntegrationTests.Infrastructure;

namespace PatientMessageExchange.IntegrationTests.Twilio;

/// <summary>
/// The app with texts and calls through the real Twilio SDK to <see cref="FakeTwilioApi"/>, batches run by the test,
/// a trusted proxy at <see cref="ProxyIp"/>, and helpers to post signed webhooks as Twilio would through that proxy.
/// </summary>
public sealed class TelephonyHarness : IAsyncDisposable
{
    public const string AuthToken = "test-auth-token-0123456789abcdef";
    public const string PublicBase = "https://pmx.example";
    public const string FromNumber = "+16175550199";
    public static readonly IPAddress ProxyIp = IPAddress.Parse("10.0.0.5");

    private TelephonyHarness(PmxAppFactory app, FakeTwilioApi api, RecordingDispatchQueue queue)
    {
        App = app;
        Api = api;
        Queue = queue;
    }

    public PmxAppFactory App { get; }
    public FakeTwilioApi Api { get; }
    public RecordingDispatchQueue Queue { get; }

    public static async Task<TelephonyHarness> StartAsync(int credits = 1000, string? authToken = AuthToken, string provider = "Twilio")
    {
        var api = new FakeTwilioApi();
        var queue = new RecordingDispatchQueue();
        var app = new PmxAppFactory()
            .With("Sms:Provider", provider)
            .With("Voice:Provider", provider)
            .With("Twilio:AccountSid", "ACtest")
            .With("Twilio:AuthToken", authToken)
            .With("Twilio:FromNumber", FromNumber)
            .With("Twilio:VoiceCallerId", FromNumber)
            .With("Twilio:PublicBaseUrl", PublicBase)
            .With("Twilio:MessagesPerSecond", "200")
            .With("Twilio:CallsPerSecond", "50")
            .With("Twilio:ApiBaseUrlOverride", api.BaseUrl)
            .With("Security:TrustedProxies:0", ProxyIp.ToString())
            .With("Dispatch:SendWindowStart", "00:00")
            .With("Dispatch:SendWindowEnd", "23:59:59")
            .WithServices(services =>
            {
                services.RemoveAll<IDispatchQueue>();
                services.AddSingleton<IDispatchQueue>(queue);
            });
        await app.CompleteSetupAsync();
        if (credits > 0)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CreditLedger>().Adjust(credits, "test funding", "test:funding");
        }
        return new TelephonyHarness(app, api, queue);
    }

    /// <summary>A patient with a text number (and a phone number when given) and an appointment tomorrow at 10:00.</summary>
    public async Task<Family> AddFamilyAsync(string mobile, string? landline = null, string language = "en", string appointmentType = "Well visit")
    {
        var points = new List<ContactPoint> { PatientSeed.Point(ContactMode.Text, mobile) };
        if (landline is not null)
        {
            points.Add(PatientSeed.Point(ContactMode.Phone, landline));
        }
        var patientId = await App.AddAdultAsync([.. points]);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmxDbContext>();
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId);
        patient.Language = language;
        var provider = await db.Providers.FirstOrDefaultAsync() ?? db.Providers.Add(new Provider { Name = "Dr. Lee", SpokenName = "Doctor Lee" }).Entity;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var local = Tomorrow(zone).ToDateTime(new TimeOnly(10, 0));
        var appointment = new Appointment
        {
            PatientId = patientId, Provider = provider, StartUtc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone)),
            Location = "Main office", AppointmentType = appointmentType,
        };
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        var pointIds = await db.ContactPoints.Where(c => c.PatientId == patientId).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        return new Family(patientId, pointIds[0], appointment.Id);
    }

    /// <summary>Switches the practice's text pricing as an administrator does, on the Practice page.</summary>
    public async Task SetPerSegmentTextPricingAsync(bool perSegment)
    {
        var admin = await App.SignInAsRoleAsync(Roles.Administrator);
        var response = await admin.PostFormAsync("/Admin/TextPricing",
            new Dictionary<string, string> { ["perSegment"] = perSegment ? "true" : "false" }, tokenFrom: "/Admin/Practice");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    public DateOnly Tomorrow() => Tomorrow(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

    private DateOnly Tomorrow(TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(App.Clock.GetUtcNow(), zone).DateTime).AddDays(1);

    public async Task<ConfirmationPlan> PlanConfirmationsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConfirmationPlanner>()
            .PlanAsync(new ConfirmationRequest(Tomorrow(), AllDay: true, null, null, null));
    }

    public async Task<long> SendConfirmationsAsync()
    {
        var plan = await PlanConfirmationsAsync();
        Assert.True(plan.Plan.CanSend, string.Join("; ", plan.Plan.Problems));
        var created = await CreateAsync(plan.Plan.Draft!);
        Assert.True(created.Succeeded, created.Refusal);
        await RunQueuedBatchesAsync();
        return created.CampaignId!.Value;
    }

    /// <summary>A text campaign straight from a draft: one message per (number, contact point) given.</summary>
    public async Task<long> SendTextsAsync(params (string Number, int? ContactPointId)[] recipients)
    {
        var draft = new CampaignDraft(CampaignKind.Personalized, "Test texts", Need.AppointmentReminder, null, null, null, "sms", null,
            "test audience", null,
            recipients.Select((r, i) => new PlannedMessage(null, r.ContactPointId, null, ContactMode.Text, r.Number, null,
                $"Reminder {i} for {r.Number}", "en", 1, 3)).ToList(), []);
        var created = await CreateAsync(draft);
        Assert.True(created.Succeeded, created.Refusal);
        await RunQueuedBatchesAsync();
        return created.CampaignId!.Value;
    }

    public async Task<CampaignCreation> CreateAsync(CampaignDraft draft)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CampaignFactory>().CreateAsync(draft);
    }

    public async Task RunQueuedBatchesAsync()
    {
        while (Queue.Enqueued.TryDequeue(out var batchId))
        {
            await RunBatchAsync(batchId);
        }
    }

    /// <summary>Moves the clock past every scheduled batch and runs them.</summary>
    public async Task RunScheduledBatchesAsync()
    {
        while (Queue.Scheduled.TryDequeue(out var scheduled))
        {
            if (scheduled.NotBeforeUtc > App.Clock.GetUtcNow())
            {
                App.Clock.SetUtcNow(scheduled.NotBeforeUtc);
            }
            await RunBatchAsync(scheduled.BatchId);
        }
    }

    public async Task RunBatchAsync(long batchId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BatchDispatcher>().RunAsync(batchId, CancellationToken.None);
    }

    public async Task<T> QueryAsync<T>(Func<PmxDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PmxDbContext>());
    }

    public Task<List<Message>> MessagesAsync(long campaignId) =>
        QueryAsync(db => db.Messages.AsNoTracking().Where(m => m.CampaignId == campaignId).OrderBy(m => m.Id).ToListAsync());

    public async Task<CreditBalanceSnapshot> BalanceAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CreditLedger>().GetBalance();
    }

    /// <summary>
    /// Posts a webhook as Twilio would through the TLS-terminating proxy: signed over the https public URL, arriving
    /// over http from <paramref name="from"/> (the trusted proxy unless given) with X-Forwarded-Proto.
    /// </summary>
    public Task<WebhookResponse> PostAsync(string pathAndQuery, IReadOnlyDictionary<string, string> form, string? signature = null,
        bool sign = true, IPAddress? from = null, string? forwardedProto = "https", IReadOnlyDictionary<string, string>? sentForm = null,
        string method = "POST")
    {
        signature ??= sign ? TwilioRequestSigner.Sign(AuthToken, PublicBase + pathAndQuery, form) : null;
        return SendAsync(method, pathAndQuery, sentForm ?? form, signature, from ?? ProxyIp, forwardedProto);
    }

    public async Task<WebhookResponse> SendAsync(string method, string pathAndQuery, IReadOnlyDictionary<string, string> form, string? signature,
        IPAddress remote, string? forwardedProto)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var context = await App.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = remote;
            c.Request.Method = method;
            c.Request.Path = query < 0 ? pathAndQuery : pathAndQuery[..query];
            c.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(pathAndQuery[query..]);
            c.Request.Host = new HostString("pmx.example");
            if (forwardedProto is not null)
            {
                c.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
                c.Request.Headers["X-Forwarded-For"] = "198.51.100.7";
            }
            if (signature is not null)
            {
                c.Request.Headers["X-Twilio-Signature"] = signature;
            }
            if (method == "POST")
            {
                var body = new FormUrlEncodedContent(form).ReadAsByteArrayAsync().GetAwaiter().GetResult();
                c.Request.ContentType = "application/x-www-form-urlencoded";
                c.Request.ContentLength = body.Length;
                c.Request.Body = new MemoryStream(body);
            }
        });
        using var reader = new StreamReader(context.Response.Body);
        return new WebhookResponse(context.Response.StatusCode, await reader.ReadToEndAsync());
    }

    public static Dictionary<string, string> Status(string sid, string status, int? errorCode = null)
    {
        var form = new Dictionary<string, string> { ["MessageSid"] = sid, ["MessageStatus"] = status, ["AccountSid"] = "ACtest" };
        if (errorCode is { } code)
        {
            form["ErrorCode"] = code.ToString(CultureInfo.InvariantCulture);
        }
        return form;
    }

    public static Dictionary<string, string> InboundText(string sid, string from, string body) => new()
    {
        ["MessageSid"] = sid, ["From"] = from, ["To"] = FromNumber, ["Body"] = body, ["AccountSid"] = "ACtest",
    };

    public async ValueTask DisposeAsync()
    {
        App.Dispose();
        Api.Dispose();
        await Task.CompletedTask;
    }
}
