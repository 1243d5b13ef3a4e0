namespace PatientMessageExchange.Core.Campaigns;

/// <summary>
/// The members of an audience, a description of it without PHI for the campaign record, and problems with the
/// request (an unknown chart number, a bad row in a due list) to show beside the form.
/// </summary>
public sealed record Audience(IReadOnlyList<AudienceMember> Members, string Description, IReadOnlyList<string> Problems);
