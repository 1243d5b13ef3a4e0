namespace PatientMessageExchange.Web.Features.Shared;

public sealed record PagerModel(int Page, int PageCount, Func<int, string> UrlFor);
