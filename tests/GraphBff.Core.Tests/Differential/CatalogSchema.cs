using GraphQL.Types;

namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// The catalog's executable schema (code-first GraphQL.NET), with <c>Int</c> replaced by a lenient variant. With items it
/// also has the interface <c>Item</c> (Book, Magazine), the union <c>SearchResult</c> and the root fields that return them.
/// </summary>
internal sealed class CatalogSchema : Schema
{
    public CatalogSchema(bool withItems)
        : base(new CatalogGraphTypeProvider(withItems))
    {
        Query = new CatalogQueryGraphType(withItems);
        RegisterType(new CatalogLenientIntGraphType());
    }
}
