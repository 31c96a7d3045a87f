using System.Text.Json;

namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// The catalog's ten deterministic books. Deliberate oddities: book 2 and 9 have integral ratings (4.0, 5.0); book 4 has
/// <c>pages</c> = Int32.MaxValue, an invalid <c>weird</c> ("POETRY") and an invalid item in <c>related</c>; book 6 has an
/// invalid non-null <c>shelf</c> ("ATTIC"); book 8 has <c>copiesSold</c> beyond 32 bits; book 10 has <c>weird</c> = "".
/// Four magazines (m1–m4) are the other <c>Item</c>s: m3 has no genre, m4 an invalid one ("POETRY"); m1 features book 8,
/// m2 features m1, m3 features book 6 (invalid shelf), m4 features nothing. <see cref="Items"/> interleaves them with the books.
/// </summary>
internal static class CatalogData
{
    public static readonly IReadOnlyList<CatalogBook> Books =
    [
        new("1", "Dune", "FICTION", "1965-08-01", 4.5, 412, 20_000_000, true, ["classic", "space"],
            Json("""{"isbn":"978-0441013593","editions":[1965,1990,2005],"signed":false}"""), null, ["SCIENCE"], "FICTION"),
        new("2", "A Brief History of Time", "SCIENCE", "1988-04-01", 4.0, 256, 25_000_000, true, ["cosmology"],
            Json("""["hardcover","paperback"]"""), "SCIENCE", [], "SCIENCE"),
        new("3", "The Guns of August", "HISTORY", "1962-01-01", null, 511, null, false, [],
            null, null, null, "HISTORY"),
        new("4", "Pale Fire", "FICTION", null, 3.75, int.MaxValue, 1_000, true, ["poem", "novel"],
            Json("42"), "POETRY", ["FICTION", "POETRY"], "FICTION"),
        new("5", "Cosmos", "SCIENCE", "1980-10-01", 0.1, 365, 5_000_000, true, ["astronomy", "tv"],
            Json("\"see also: Contact\""), "HISTORY", ["HISTORY", "FICTION"], "SCIENCE"),
        new("6", "SPQR", "HISTORY", "2015-10-20", 4.25, 608, 300_000, true, ["rome"],
            Json("""{"nested":{"deep":[1,2.50,{"x":null}]},"text":"Cien a\u00f1os \u2014 \u00abok\u00bb <b>&amp;</b> \"q\" \\ end"}"""),
            null, ["HISTORY"], "ATTIC"),
        new("7", "Neuromancer", "FICTION", "1984-07-01", 1.5e300, -1, 6_500_000, false, ["cyberpunk"],
            Json("{}"), "FICTION", ["SCIENCE", "FICTION"], "FICTION"),
        new("8", "The Selfish Gene", "SCIENCE", "1976-01-01", 1e-7, 0, 3_000_000_000, true, ["biology", "evolution", "genes"],
            Json("[]"), null, null, "SCIENCE"),
        new("9", "Guns, Germs, and \"Steel\"", "HISTORY", "1997-03-01", 5.0, 480, 4_000_000, true, ["anthropology"],
            Json("""[{"lang":"en"},{"lang":"es"},null,true,-0.5]"""), "HISTORY", ["SCIENCE", "HISTORY"], "HISTORY"),
        new("10", "Solaris", "FICTION", "1961-06-01", 4.125, 204, 1_500_000, true, ["classic", "translated"],
            Json("""{"original":"Solaris","year":1961}"""), "", ["FICTION"], "FICTION"),
    ];

    public static readonly IReadOnlyList<CatalogMagazine> Magazines =
    [
        new("m1", "Science Weekly", 42, "SCIENCE", "8"),
        new("m2", "History Today", 7, "HISTORY", "m1"),
        new("m3", "The Dune Gazette", 1, null, "6"),
        new("m4", "Verse Quarterly", 12, "POETRY", null),
    ];

    /// <summary>Every item, books and magazines interleaved: 1, m1, 2, m2, 3, m3, 4, m4, 5, 6, 7, 8, 9, 10.</summary>
    public static readonly IReadOnlyList<object> Items =
    [
        Books[0], Magazines[0], Books[1], Magazines[1], Books[2], Magazines[2], Books[3], Magazines[3],
        .. Books.Skip(4),
    ];

    public static string IdOf(object item) => item switch
    {
        CatalogBook book => book.Id,
        CatalogMagazine magazine => magazine.Id,
        _ => throw new ArgumentException("Not a catalog item.", nameof(item)),
    };

    /// <summary>The items whose title contains the text, ignoring case, in <see cref="Items"/> order.</summary>
    public static List<object> Search(string text) =>
        [.. Items.Where(item => TitleOf(item).Contains(text, StringComparison.OrdinalIgnoreCase))];

    private static string TitleOf(object item) => item switch
    {
        CatalogBook book => book.Title,
        CatalogMagazine magazine => magazine.Title,
        _ => throw new ArgumentException("Not a catalog item.", nameof(item)),
    };

    private static JsonElement Json(string json) => JsonSerializer.Deserialize<JsonElement>(json);
}
