namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// One magazine of the test-only "catalog" upstream: the other implementation of <c>Item</c> and member of <c>SearchResult</c>.
/// <see cref="Genre"/> is a plain string (nullable in the schema) so that the catalog can send a value outside the enum;
/// <see cref="FeaturedId"/> names the item (book or magazine) the magazine features, an abstract value inside an abstract value.
/// </summary>
internal sealed record CatalogMagazine(string Id, string Title, int Issue, string? Genre, string? FeaturedId);
