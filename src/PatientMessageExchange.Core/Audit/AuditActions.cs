namespace PatientMessageExchange.Core.Audit;

public static class AuditActions
{
    public const string PatientViewed = "patient.viewed";
    public const string PatientEdited = "patient.edited";
    public const string ContactPointChanged = "contact-point.changed";
    public const string ContactPointReviewed = "contact-point.reviewed";
    public const string DefaultPreferenceChanged = "preference.default-changed";
    public const string PatientPreferenceChanged = "preference.patient-changed";
    public const string DoNotContactChanged = "preference.do-not-contact-changed";
    public const string FixRecordsExported = "fix-records.exported";
    public const string ImportCommitted = "import.committed";
    public const string UserCreated = "user.created";
    public const string UserRolesChanged = "user.roles-changed";
    public const string UserSignedIn = "user.signed-in";
    public const string UserSignedOut = "user.signed-out";
    public const string UserSignInFailed = "user.sign-in-failed";
    public const string UserLockedOut = "user.locked-out";
    public const string PracticeChanged = "practice.changed";
    public const string TextPricingChanged = "practice.text-pricing-changed";
    public const string SetupCompleted = "setup.completed";
    public const string PurchaseRequested = "credits.purchase-requested";
    public const string PurchaseCompleted = "credits.purchase-completed";
    public const string PurchaseFailed = "credits.purchase-failed";
    public const string PlanChanged = "credits.plan-changed";
    public const string CreditsAdjusted = "credits.adjusted";
    public const string PurchaseRefunded = "credits.purchase-refunded";
    public const string OutboxEmailViewed = "outbox.email-viewed";
    public const string CampaignCreated = "campaign.created";
    public const string AuditExported = "audit.exported";
    public const string CampaignCancelled = "campaign.cancelled";
    public const string BroadcastUnsubscribed = "broadcast.unsubscribed";
    public const string EmailBounceRecorded = "email.bounce-recorded";
    public const string TemplateCreated = "template.created";
    public const string TemplateEdited = "template.edited";
    public const string TemplateArchived = "template.archived";
    public const string TemplateRestored = "template.restored";
    public const string BounceRecorded = "bounce.recorded";
    public const string BounceReportViewed = "bounce.report-viewed";
    public const string MessagesSentPrinted = "messages-sent.printed";
    public const string MessagesSentExported = "messages-sent.exported";
    public const string ReplyOptedOut = "reply.opted-out";
    public const string ReplyOptedIn = "reply.opted-in";
    public const string AppointmentConfirmed = "appointment.confirmed";
    public const string OutboxReplySimulated = "outbox.reply-simulated";
    public const string OutboxKeypressSimulated = "outbox.keypress-simulated";
    public const string FollowUpHandled = "follow-up.handled";
}
