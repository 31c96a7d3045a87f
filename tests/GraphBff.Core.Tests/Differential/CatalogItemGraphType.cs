using GraphQL.Types;

namespace GraphBff.Core.Tests.Differential;

/// <summary>The catalog's <c>Item</c> interface, implemented by <c>Book</c> and <c>Magazine</c> (resolved by their <c>IsTypeOf</c>).</summary>
internal sealed class CatalogItemGraphType : InterfaceGraphType
{
    public CatalogItemGraphType()
    {
        Name = "Item";
        Description = "Anything the catalog lists.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("title");
    }
}
