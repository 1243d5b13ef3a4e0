using PatientMessageExchange.Web.Configuration;

var builder = WebApplication.CreateBuilder(args);

builder.AddDataFolder();
builder.AddLogging();
builder.AddPersistence();
builder.AddSecurity();
builder.AddMessaging();
builder.AddDispatch();
builder.AddBroadcasts();
builder.AddJobs();
builder.AddFeatures();
builder.AddCredits();
builder.AddBounces();
builder.AddAutomation();
builder.AddEhr();

var app = builder.Build();

await app.PrepareDatabaseAsync(args);

app.UseRequestPipeline();
app.MapFeatures();
app.MapJobsDashboard();

app.Run();

/// <summary>The entry point; public so that tests can host the app.</summary>
public partial class Program;
