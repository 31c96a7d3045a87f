using GraphQL.Types;

namespace GraphBff.Core.Tests.Differential;

/// <summary>The catalog's <c>SearchResult</c> union of <c>Book</c> and <c>Magazine</c>.</summary>
internal sealed class CatalogSearchResultGraphType : UnionGraphType
{
    public CatalogSearchResultGraphType()
    {
        Name = "SearchResult";
        Description = "What a search finds.";
        Type<CatalogBookGraphType>();
        Type<CatalogMagazineGraphType>();
    }
}
