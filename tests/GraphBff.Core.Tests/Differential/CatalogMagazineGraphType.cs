using GraphQL.Types;

namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// The catalog's <c>Magazine</c> type. Its <c>genre</c> is nullable, unlike <c>Book.genre</c>; <c>featured</c> is another
/// <c>Item</c>.
/// </summary>
internal sealed class CatalogMagazineGraphType : ObjectGraphType<CatalogMagazine>
{
    public CatalogMagazineGraphType()
    {
        Name = "Magazine";
        Interface<CatalogItemGraphType>();
        IsTypeOf = static value => value is CatalogMagazine;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(static c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(static c => c.Source.Title);
        Field<NonNullGraphType<CatalogLenientIntGraphType>>("issue").Resolve(static c => c.Source.Issue);
        Field<CatalogGenreGraphType>("genre").Resolve(static c => c.Source.Genre);
        Field<CatalogItemGraphType>("featured")
            .Resolve(static c => CatalogData.Items.FirstOrDefault(i => CatalogData.IdOf(i) == c.Source.FeaturedId));
    }
}
