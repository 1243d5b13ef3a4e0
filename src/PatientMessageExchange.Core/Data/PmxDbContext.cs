using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PatientMessageExchange.Core.Audit;
using PatientMessageExchange.Core.Automation;
using PatientMessageExchange.Core.Campaigns;
using PatientMessageExchange.Core.Bounces;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Dispatch;
using PatientMessageExchange.Core.Ehr;
using PatientMessageExchange.Core.Patients;
using PatientMessageExchange.Core.Practice;
using PatientMessageExchange.Core.Preferences;
using PatientMessageExchange.Core.Replies;
using PatientMessageExchange.Core.Suppressions;
using PatientMessageExchange.Core.Templates;

namespace PatientMessageExchange.Core.Data;

public class PmxDbContext(DbContextOptions<PmxDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<Guardian> Guardians => Set<Guardian>();
    public DbSet<ContactPoint> ContactPoints => Set<ContactPoint>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<PracticeProfile> PracticeProfiles => Set<PracticeProfile>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignSkip> CampaignSkips => Set<CampaignSkip>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<DispatchBatch> DispatchBatches => Set<DispatchBatch>();
    public DbSet<CreditLedgerEntry> CreditLedgerEntries => Set<CreditLedgerEntry>();
    public DbSet<CreditBalance> CreditBalances => Set<CreditBalance>();
    public DbSet<CreditReservation> CreditReservations => Set<CreditReservation>();
    public DbSet<CreditPlan> CreditPlans => Set<CreditPlan>();
    public DbSet<CreditPurchase> CreditPurchases => Set<CreditPurchase>();
    public DbSet<DefaultContactPreference> DefaultContactPreferences => Set<DefaultContactPreference>();
    public DbSet<ContactPreference> ContactPreferences => Set<ContactPreference>();
    public DbSet<DoNotContact> DoNotContacts => Set<DoNotContact>();
    public DbSet<Suppression> Suppressions => Set<Suppression>();
    public DbSet<MessageTemplate> MessageTemplates => Set<MessageTemplate>();
    public DbSet<Bounce> Bounces => Set<Bounce>();
    public DbSet<InboundMessage> InboundMessages => Set<InboundMessage>();
    public DbSet<ProviderStatusEvent> ProviderStatusEvents => Set<ProviderStatusEvent>();
    public DbSet<AutomationRule> AutomationRules => Set<AutomationRule>();
    public DbSet<AutomationSettings> AutomationSettings => Set<AutomationSettings>();
    public DbSet<AutomatedSend> AutomatedSends => Set<AutomatedSend>();
    public DbSet<EhrConnection> EhrConnections => Set<EhrConnection>();
    public DbSet<EhrSyncRun> EhrSyncRuns => Set<EhrSyncRun>();
    public DbSet<EhrSyncSkip> EhrSyncSkips => Set<EhrSyncSkip>();
    public DbSet<EhrWriteBack> EhrWriteBacks => Set<EhrWriteBack>();
    public DbSet<EhrContactRemoval> EhrContactRemovals => Set<EhrContactRemoval>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no offset-aware type, and EF can't compare or order DateTimeOffset text there. All our
            // times are UTC, so store them as an integer that sorts and compares correctly.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PmxDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAppendOnly();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAppendOnly();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void GuardAppendOnly()
    {
        foreach (var entry in ChangeTracker.Entries<IAppendOnly>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new AppendOnlyViolationException(entry.Metadata.ClrType.Name);
            }
        }
    }
}
