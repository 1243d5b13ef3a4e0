using Hl7.Fhir.Model;

namespace PatientMessageExchange.Core.Ehr;

/// <summary>
/// One page of search results: the resources that parsed, the entries that did not (by their id, or their position
/// when the id itself was unreadable) with why, and the bundle for following its next link.
/// </summary>
public sealed record EhrPage(Bundle Bundle, IReadOnlyList<Resource> Resources, IReadOnlyList<EhrEntryProblem> Problems)
{
    public bool HasNext => Bundle.NextLink is not null;
}
