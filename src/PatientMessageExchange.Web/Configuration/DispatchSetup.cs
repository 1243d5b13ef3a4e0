using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Dispatch;
using PatientMessageExchange.Core.Replies;

namespace PatientMessageExchange.Web.Configuration;

public static class DispatchSetup
{
    /// <summary>Campaign creation, the batch dispatcher, its Hangfire jobs and the sweeper.</summary>
    public static void AddDispatch(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.SendWindowStart < o.SendWindowEnd, "Dispatch:SendWindowStart must be before Dispatch:SendWindowEnd.")
            .ValidateOnStart();
        services.AddScoped<IDispatchQueue, HangfireDispatchQueue>();
        services.AddScoped<CampaignFactory>();
        services.AddScoped<CampaignPlanner>();
        services.AddScoped<WrittenMessages>();
        services.AddSingleton<RecipientRenderer>();
        services.AddScoped<ChannelFallback>();
        services.AddScoped<AudienceBuilder>();
        services.AddScoped<CampaignService>();
        services.AddScoped<BatchDispatcher>();
        services.AddSingleton<GroupCommit<AcceptedSend>>();
        services.AddScoped<DispatchSweeper>();
        services.AddScoped<BatchJob>();
        services.AddScoped<SweeperJob>();
        services.AddSingleton<IChannelSender, EmailChannelSender>();
        services.AddSingleton<IChannelSender, SmsChannelSender>();
        services.AddSingleton<IChannelSender, VoiceChannelSender>();
        services.AddScoped<ProviderStatusRecorder>();
        services.AddScoped<InboundReplyHandler>();
        services.AddScoped<CallReplyHandler>();
        services.AddScoped<ConfirmationPlanner>();
        if (builder.Configuration.GetHostingRole() != HostingRole.Web)
        {
            services.AddHostedService<DispatchStartup>();
        }
    }
}
