using GraphQL.Types;

namespace GraphBff.Core.Tests.Differential;

/// <summary>The catalog's <c>Book</c> type; with items, an <c>Item</c>.</summary>
internal sealed class CatalogBookGraphType : ObjectGraphType<CatalogBook>
{
    public CatalogBookGraphType(bool implementsItem)
    {
        Name = "Book";
        if (implementsItem)
        {
            Interface<CatalogItemGraphType>();
        }

        IsTypeOf = static value => value is CatalogBook;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(static c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(static c => c.Source.Title);
        Field<NonNullGraphType<CatalogGenreGraphType>>("genre").Resolve(static c => c.Source.Genre);
        Field<CatalogDateGraphType>("published").Resolve(static c => c.Source.Published);
        Field<FloatGraphType>("rating").Resolve(static c => c.Source.Rating);
        Field<CatalogLenientIntGraphType>("pages").Resolve(static c => c.Source.Pages);
        Field<CatalogLenientIntGraphType>("copiesSold").Resolve(static c => c.Source.CopiesSold);
        Field<NonNullGraphType<BooleanGraphType>>("inPrint").Resolve(static c => c.Source.InPrint);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags").Resolve(static c => c.Source.Tags);
        Field<CatalogJsonGraphType>("meta").Resolve(static c => c.Source.Meta);
        Field<CatalogGenreGraphType>("weird").Resolve(static c => c.Source.Weird);
        Field<ListGraphType<NonNullGraphType<CatalogGenreGraphType>>>("related").Resolve(static c => c.Source.Related);
        Field<NonNullGraphType<CatalogGenreGraphType>>("shelf").Resolve(static c => c.Source.Shelf);
    }
}
