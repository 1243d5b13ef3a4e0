namespace PatientMessageExchange.Web.Features.Admin;

public sealed record UsersModel(IReadOnlyList<UserRow> Users, NewUserForm NewUser);
