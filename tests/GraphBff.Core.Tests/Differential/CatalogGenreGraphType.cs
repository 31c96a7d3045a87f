using GraphQL.Types;

namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// The catalog's <c>Genre</c> enum. Its values are their names; one has a description, one is deprecated. Unlike a well-behaved server it serializes any string,
/// even one outside the enum, so that the gateway receives invalid enum values from a schema that declares <c>Genre</c>.
/// </summary>
internal sealed class CatalogGenreGraphType : EnumerationGraphType
{
    public CatalogGenreGraphType()
    {
        Name = "Genre";
        Description = "What a book is about.";
        Add("FICTION", "FICTION", "Made-up stories.");
        Add("SCIENCE", "SCIENCE");
        Add("HISTORY", "HISTORY");
        Add("ESSAY", "ESSAY", deprecationReason: "Use FICTION.");
    }

    public override object? Serialize(object? value) =>
        value is string text && Values.FindByName(text) is null ? text : base.Serialize(value);
}
