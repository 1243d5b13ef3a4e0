namespace PatientMessageExchange.Core.Dispatch;

/// <summary>What <see cref="ChannelFallback.TryAsync"/> did for one failed message.</summary>
public enum FallbackOutcome
{
    /// <summary>A message by the next contact mode was stored, reserved and queued.</summary>
    Created,

    /// <summary>This message already has its fallback (a repeated or concurrent report of the same failure).</summary>
    AlreadyCreated,

    /// <summary>Not a candidate: not a final failure, a broadcast, or a message without a patient.</summary>
    NotEligible,

    /// <summary>The campaign was cancelled.</summary>
    CampaignCancelled,

    /// <summary>The appointment is confirmed (for a confirmation), cancelled, done or already past.</summary>
    AppointmentSettled,

    /// <summary>The chart is inactive or no longer on the registry.</summary>
    PatientInactive,

    /// <summary>The campaign's template is gone, so nothing can be rendered.</summary>
    NoTemplate,

    /// <summary>Every preferred mode not yet tried is missing, unusable, or has no part in the template.</summary>
    NoOtherMode,

    /// <summary>The balance can't cover the next mode's message; the original message says so.</summary>
    NotEnoughCredits,
}
