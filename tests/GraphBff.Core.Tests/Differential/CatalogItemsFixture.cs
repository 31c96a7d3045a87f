namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// The catalog fixture whose catalog also has the interface <c>Item</c> (Book, Magazine), the union <c>SearchResult</c>
/// and the root fields <c>items</c>, <c>item</c> and <c>search</c>.
/// </summary>
public sealed class CatalogItemsFixture : CatalogFixture
{
    public CatalogItemsFixture()
        : base(withItems: true)
    {
    }
}
