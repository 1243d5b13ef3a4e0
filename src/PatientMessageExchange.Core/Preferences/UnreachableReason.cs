namespace PatientMessageExchange.Core.Preferences;

/// <summary>Why a patient has no usable contact point for a need; the patient is listed as skipped, never sent to.</summary>
public enum UnreachableReason
{
    /// <summary>The patient is not on the registry (deleted, or a wrong id).</summary>
    NotFound = 1,

    /// <summary>The chart is inactive.</summary>
    Inactive = 2,

    /// <summary>The preference (expressed or default) lists no mode for this need.</summary>
    NoPreferredMethod = 3,

    /// <summary>Every preferred mode is one the family asked never to be used.</summary>
    DoNotContact = 4,

    /// <summary>No contact point of any preferred mode is on file.</summary>
    NoContactOnFile = 5,

    /// <summary>Contact points exist for the preferred modes, but every one was skipped; see the skipped list.</summary>
    AllContactsUnusable = 6,
}
