namespace PatientMessageExchange.Web.Features.Admin;

public sealed record UserRow(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool IsLockedOut, bool IsDisabled);
