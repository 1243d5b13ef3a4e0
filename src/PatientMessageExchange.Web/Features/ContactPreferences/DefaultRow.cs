using PatientMessageExchange.Core.Preferences;

namespace PatientMessageExchange.Web.Features.ContactPreferences;

/// <summary>One need on the defaults screen: what is saved (or what was typed, after a refused save) and who uses it.</summary>
public sealed record DefaultRow(DefaultContactPreference Saved, ModeOrderForm Form, int PatientsOnDefault, string? Error);
