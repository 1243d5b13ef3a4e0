using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PatientMessageExchange.Core.Patients;

namespace PatientMessageExchange.Core.Data.Configurations;

/// <summary>
/// An ordered list of modes stored as readable text ("Text,Email"), so that a row means the same thing to a person
/// reading the database as it does to the code.
/// </summary>
internal static class ContactModeListConversion
{
    public static readonly ValueConverter<List<ContactMode>, string> Converter = new(
        modes => Format(modes),
        text => Parse(text));

    public static readonly ValueComparer<List<ContactMode>> Comparer = new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
        modes => modes.Aggregate(17, (hash, mode) => (hash * 31) + (int)mode),
        modes => modes.ToList());

    public static string Format(IEnumerable<ContactMode> modes) => string.Join(",", modes);

    public static List<ContactMode> Parse(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Enum.Parse<ContactMode>)
            .ToList();
}
