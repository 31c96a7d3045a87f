namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// Creates the catalog's graph types for GraphQL.NET: <c>Book</c> implements <c>Item</c> only in the catalog with items;
/// any other concrete class is created with its parameterless constructor, and nothing else is provided.
/// </summary>
internal sealed class CatalogGraphTypeProvider(bool withItems) : IServiceProvider
{
    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(CatalogBookGraphType))
        {
            return new CatalogBookGraphType(withItems);
        }

        return serviceType is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && serviceType.GetConstructor(Type.EmptyTypes) is not null
            ? Activator.CreateInstance(serviceType)
            : null;
    }
}
